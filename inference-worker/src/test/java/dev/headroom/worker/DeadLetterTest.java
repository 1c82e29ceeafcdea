package dev.headroom.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.simserver.Fault;
import dev.headroom.simserver.FaultPlan;
import dev.headroom.simserver.SimServer;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import dev.headroom.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker on the HTTP path whose server always fails: every task lands in the model's DLQ with the reason. */
@QuarkusTest
@TestProfile(DeadLetterTest.FailingServer.class)
class DeadLetterTest {

    private static final String MODEL = "sim-first-option";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class FailingServer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InfrastructureTestResource.class), new TestResourceEntry(Server.class));
        }
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        private SimServer server;

        @Override
        public Map<String, String> start() {
            server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(1))
                    .withFaults(new FaultPlan(Map.of(Fault.SERVER_ERROR, 1.0)), Duration.ofSeconds(1)));
            return Map.of("headroom.worker.model", MODEL, "headroom.worker.backend", "openai",
                    "headroom.worker.openai.base-url", server.baseUrl().toString(),
                    "headroom.worker.openai.sim-task", "true", "headroom.worker.retry.max-attempts", "2",
                    "headroom.worker.retry.initial-backoff", "1ms");
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @Test
    void everyTaskGivenUpOnIsDeadLetteredWithTheReason() throws Exception {
        List<Item> items = IntStream.range(0, 5).mapToObj(row -> new Item("t/geo/test/" + row, "t", "geo", "test",
                "Question " + row, List.of("w", "x", "y", "z"), row % 4)).toList();
        RunSpec spec = new RunSpec("dlq", "t", null, null, null, List.of(VariantPresets.named("plain")), List.of(MODEL));
        Map<String, PromptTask> tasks = new LinkedHashMap<>();
        RunPlanner.tasks("dlq", spec, items, Map.of()).forEach(task -> tasks.put(task.header().taskId(), task));

        KafkaTestClient.send("prompts." + MODEL, tasks);
        Map<String, ConsumerRecord<String, String>> deadLetters = deadLetters("prompts." + MODEL + ".dlq", tasks.size());

        assertThat(deadLetters).containsOnlyKeys(tasks.keySet());
        assertThat(deadLetters.values()).allSatisfy(record -> assertThat(JSON.readValue(record.value(), PromptTask.class)
                .header().taskId()).as("the value is the task itself").isEqualTo(record.key()));
        List<String> reasons = deadLetters.values().stream().map(record -> record.headers().lastHeader("dead-letter-reason"))
                .map(header -> header == null ? null : new String(header.value(), StandardCharsets.UTF_8)).toList();
        assertThat(reasons).allSatisfy(reason ->
                assertThat(reason).startsWith("server-error after 2 attempts: HTTP 500"));
    }

    private static Map<String, ConsumerRecord<String, String>> deadLetters(String topic, int count) {
        Map<String, ConsumerRecord<String, String>> reasons = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            while (reasons.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    reasons.put(record.key(), record);
                }
            }
        }
        return reasons;
    }
}
