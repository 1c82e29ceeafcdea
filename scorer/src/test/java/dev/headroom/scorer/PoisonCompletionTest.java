package dev.headroom.scorer;

import dev.headroom.core.message.Completion;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison on completions goes to completions.dlq with its reason, one record at a time: each record after the first
 * poison arriving there shows that the consumer went on. (No good completion here: the grading test counts scores.)
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PoisonCompletionTest {

    @Test
    void poisonIsDeadLetteredWithItsReasonAndTheConsumerGoesOn() {
        Completion good = CompletionGraderTest.completion("poison", Variant.PLAIN, " B");
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("not-json", "{\"schemaVersion\": 1, \"header\": ");
        records.put("not-a-completion", "[1, 2, 3]");
        records.put("old-version", new Completion(0, good.header(), " B", Map.of(), "stop", 1, 1, 0, 1, "test", null));
        records.put("no-header", new Completion(1, null, " B", Map.of(), "stop", 1, 1, 0, 1, "test", null));

        KafkaTestClient.send("completions", records);

        Map<String, String> reasons = KafkaTestClient.deadLetterReasons("completions.dlq", 4, Duration.ofSeconds(30));
        assertThat(reasons).containsOnlyKeys(records.keySet());
        assertThat(reasons.get("not-json")).contains("Unexpected end-of-input");
        assertThat(reasons.get("not-a-completion")).contains("Cannot deserialize");
        assertThat(reasons.get("old-version")).isEqualTo("poison record: schema version 0, this consumer reads 1");
        assertThat(reasons.get("no-header")).isEqualTo("poison record: no task header with a task id");
    }
}
