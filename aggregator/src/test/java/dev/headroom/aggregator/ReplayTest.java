package dev.headroom.aggregator;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.Score;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import dev.headroom.testing.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReplayTest {

    @Inject
    DataSource dataSource;

    /** Every table of the aggregator's schema, each as its row count and a digest of its rows in a fixed order. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'aggregator'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) || ' rows, ' || "
                        + "coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM aggregator." + table + " t")) {
                    rows.next();
                    tables.put(table, rows.getString(1));
                }
            }
        }
        return tables;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().broker().bootstrapServers());
    }

    /** Whether the consumer group has committed every record of the topic: nothing of it is still in flight. */
    private static boolean caughtUp(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(clientConfig())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() >= end.getValue());
        }
    }

    /** Whether the dead-letter consumer has stored every record of every dead-letter topic (other tests make some). */
    private static boolean deadLettersCaughtUp() throws Exception {
        Set<String> deadLetterTopics;
        try (Admin admin = Admin.create(clientConfig())) {
            deadLetterTopics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq"))
                    .collect(Collectors.toSet());
        }
        for (String topic : deadLetterTopics) {
            if (!caughtUp("aggregator-dead-letters", topic)) {
                return false;
            }
        }
        return true;
    }

    /** Produces every record of the topic, from offset 0 of each partition, again: same key, value and headers. */
    private static int replay(String topic) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        records.add(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
                    }
                }
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
        return records.size();
    }

    @Test
    void replayingTheScoresAndModelsTopicsFromOffsetZeroLeavesEveryTableUnchanged() throws Exception {
        List<Score> scores = new ArrayList<>();
        for (int item = 0; item < 10; item++) {
            for (var variant : TestScores.variants(3)) {
                scores.add(TestScores.costing(TestScores.score("replay-run", "m", "geo", item, variant,
                        item % 3 == 0 ? null : item % 4, 1), item % 2 == 0 ? null : 0.001 * item));
            }
        }
        KafkaTestClient.send("scores", TestScores.byTaskId(scores));
        KafkaTestClient.send("models", "replay-model", new ModelCard(Messages.SCHEMA_VERSION, "replay-model", "sim",
                "sim", 7e9, "base", 4, null, null), Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM scores WHERE run_id = 'replay-run'") == 30
                && count("SELECT count(*) FROM models WHERE name = 'replay-model'") == 1
                && caughtUp("aggregator", "scores") && caughtUp("aggregator-models", "models")
                && deadLettersCaughtUp());
        Map<String, String> before = snapshot();

        int replayed = replay("scores") + replay("models");
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp("aggregator", "scores")
                && caughtUp("aggregator-models", "models") && deadLettersCaughtUp());

        assertThat(replayed).isGreaterThanOrEqualTo(scores.size() + 1);
        assertThat(before).containsKeys("scores", "variant_summary", "dead_letters", "models");
        assertThat(snapshot()).isEqualTo(before);
    }
}
