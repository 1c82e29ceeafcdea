package dev.headroom.aggregator;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DeadLetterSinkTest {

    private static PromptTask task(String itemId) {
        TaskHeader header = new TaskHeader(TaskHeader.taskId("dlq-run", "dlq-model", itemId, Variant.PLAIN.id()), "dlq-run",
                "dlq-model", itemId, "t", "geo", Variant.PLAIN, List.of("w", "x"), List.of("A", "B"), List.of(0, 1), 0);
        return new PromptTask(Messages.SCHEMA_VERSION, header, "q", List.of());
    }

    private static RunSummary summary() {
        return RestAssured.get("/runs/dlq-run/summary").then().statusCode(200).extract().as(RunSummary.class);
    }

    @Test
    void countsEachDeadLetteredTaskOnceByModelAndReasonAndKeepsPoisonToo() {
        PromptTask first = task("i1");
        Map<String, String> timeout = Map.of("dead-letter-reason", "model server timed out after 3 attempts");
        KafkaTestClient.send("prompts.dlq-model.dlq", first.header().taskId(), first, timeout);
        KafkaTestClient.send("prompts.dlq-model.dlq", first.header().taskId(), first, timeout);
        KafkaTestClient.send("prompts.dlq-model.dlq", "i2", task("i2"), Map.of("dead-letter-reason", "HTTP 500"));
        KafkaTestClient.send("completions.dlq", "poison", "{not json", Map.of("dead-letter-reason", "bad JSON"));

        await().atMost(Duration.ofSeconds(60)).until(() -> summary().deadLettered("dlq-model") == 2);

        assertThat(summary().deadLetters()).containsExactly(
                new RunSummary.DeadLetters("dlq-model", "HTTP 500", 1),
                new RunSummary.DeadLetters("dlq-model", "model server timed out after 3 attempts", 1));
    }
}
