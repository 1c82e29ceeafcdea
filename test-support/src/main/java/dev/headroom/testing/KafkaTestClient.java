package dev.headroom.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Plain kafka-clients access to the shared test broker: what a test sends in and reads out of a service. */
public final class KafkaTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaTestClient() {
    }

    /** Sends values (JSON of each object; a string as it is) keyed as given and waits until the broker has them all. */
    public static void send(String topic, Map<String, ?> valuesByKey) {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, ?> entry : valuesByKey.entrySet()) {
                sent.add(producer.send(new ProducerRecord<>(topic, entry.getKey(), text(entry.getValue()))));
            }
            for (Future<?> record : sent) {
                record.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    /** Sends one value with headers and waits until the broker has it. */
    public static void send(String topic, String key, Object value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, text(value));
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static String text(Object value) {
        try {
            return value instanceof String text ? text : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code count} records arrived or the timeout passed, then a
     * little longer, so that a test asserting an exact count also sees any extra record.
     */
    public static <T> List<Record<T>> read(String topic, Class<T> type, int count, Duration timeout) {
        List<Record<T>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = readerFrom(topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                addAll(consumer.poll(Duration.ofMillis(200)), type, records);
            }
            addAll(consumer.poll(Duration.ofSeconds(1)), type, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static <T> void addAll(Iterable<ConsumerRecord<String, String>> polled, Class<T> type,
                                   List<Record<T>> records) throws IOException {
        for (ConsumerRecord<String, String> record : polled) {
            records.add(new Record<>(record.key(), JSON.readValue(record.value(), type)));
        }
    }

    public record Record<T>(String key, T value) {
    }

    /**
     * Reads a dead-letter topic from the beginning until {@code count} records arrived or the timeout passed: each
     * record's key and its {@code dead-letter-reason} header.
     */
    public static Map<String, String> deadLetterReasons(String topic, int count, Duration timeout) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = readerFrom(topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (reasons.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var reason = record.headers().lastHeader("dead-letter-reason");
                    reasons.put(record.key(), reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return reasons;
    }

    /** A consumer of its own group, reading the topic from its first record. */
    private static KafkaConsumer<String, String> readerFrom(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String bootstrapServers() {
        return TestInfrastructure.get().broker().bootstrapServers();
    }
}
