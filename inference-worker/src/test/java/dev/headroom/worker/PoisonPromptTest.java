package dev.headroom.worker;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison on the worker's topic goes to its DLQ with the reason and without a model call, one record at a time: each
 * after the first shows the consumer went on. (No good task here: the answering test counts completions.)
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PoisonPromptTest {

    @Test
    void poisonIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() {
        Item item = new Item("t/geo/test/0", "t", "geo", "test", "Question", List.of("w", "x", "y", "z"), 0);
        PromptTask forAnotherModel = RunPlanner.tasks("poison", new RunSpec("poison", "t", null, null, null,
                List.of(VariantPresets.named("plain")), List.of("another-model")), List.of(item), Map.of()).findFirst().orElseThrow();
        PromptTask oldVersion = new PromptTask(0, forAnotherModel.header(), "Q", List.of());
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("not-json", "{\"schemaVersion\": ");
        records.put("another-model", forAnotherModel);
        records.put("old-version", oldVersion);
        records.put("not-a-task", "\"just text\"");

        KafkaTestClient.send("prompts.sim-oracle", records);

        Map<String, String> reasons = KafkaTestClient.deadLetterReasons("prompts.sim-oracle.dlq", 4, Duration.ofSeconds(30));
        assertThat(reasons).containsOnlyKeys(records.keySet());
        assertThat(reasons.get("not-json")).contains("Unexpected end-of-input");
        assertThat(reasons.get("another-model"))
                .isEqualTo("poison record: unknown model 'another-model': this worker serves 'sim-oracle'");
        assertThat(reasons.get("old-version")).isEqualTo("poison record: schema version 0, this consumer reads 1");
    }
}
