package dev.headroom.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import dev.headroom.testing.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DeadLetterSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TaskHeader header(String runId, String model, int item) {
        String itemId = "t/geo/test/" + item;
        return new TaskHeader(TaskHeader.taskId(runId, model, itemId, Variant.PLAIN.id()), runId, model, itemId, "t",
                "geo", Variant.PLAIN, List.of("w", "x", "y", "z"), List.of("A", "B", "C", "D"), List.of(0, 1, 2, 3), 0);
    }

    /** What SmallRye's dead-letter strategy writes: the task itself, keyed by its id, the reason in a header. */
    private static void deadLetter(TaskHeader header, String reason) throws Exception {
        PromptTask task = new PromptTask(Messages.SCHEMA_VERSION, header, "Q?", List.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>("prompts." + header.model() + ".dlq",
                    header.taskId(), JSON.writeValueAsString(task));
            record.headers().add(DeadLetterSink.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static RunSummary summary(String runId) {
        return RestAssured.get("/runs/" + runId + "/summary").then().statusCode(200).extract().as(RunSummary.class);
    }

    @Test
    void theSummaryCountsDeadLetteredTasksPerModelUnlessTheyWereScoredAfterAll() throws Exception {
        TaskHeader lost = header("dl-run", "m", 0);
        TaskHeader lostTwice = header("dl-run", "m", 1);
        TaskHeader redeliveredAndScored = header("dl-run", "m", 2);
        deadLetter(lost, "server-error after 6 attempts: HTTP 500");
        deadLetter(lost, "server-error after 6 attempts: HTTP 500");
        deadLetter(lostTwice, "timeout after 6 attempts: no answer within 10000 ms");
        deadLetter(redeliveredAndScored, "rate-limited after 6 attempts: HTTP 429");
        KafkaTestClient.send("scores", Map.of(redeliveredAndScored.taskId(),
                new Score(Messages.SCHEMA_VERSION, redeliveredAndScored, Outcome.CORRECT, 0, null)));

        await().atMost(Duration.ofSeconds(60)).until(() -> summary("dl-run").scored("m") == 1
                && summary("dl-run").deadLettered("m") == 2);

        assertThat(summary("dl-run").deadLettered()).isEqualTo(Map.of("m", 2L));
    }
}
