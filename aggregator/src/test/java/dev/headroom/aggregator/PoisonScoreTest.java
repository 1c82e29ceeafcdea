package dev.headroom.aggregator;

import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison in a batch of scores goes alone to scores.dlq with its reason; the good scores of the batch are stored. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PoisonScoreTest {

    private static RunSummary summary() {
        return RestAssured.get("/runs/poison-run/summary").then().statusCode(200).extract().as(RunSummary.class);
    }

    @Test
    void aPoisonRecordIsIsolatedFromItsBatch() {
        Score good = ScoreSinkTest.score("poison-run", "m", 1, Variant.PLAIN, Outcome.CORRECT);
        Score alsoGood = ScoreSinkTest.score("poison-run", "m", 2, Variant.PLAIN, Outcome.INCORRECT);
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put(good.header().taskId(), good);
        batch.put("not-json", "{\"schemaVersion\": 1, ");
        batch.put("old-version", new Score(0, good.header(), Outcome.CORRECT, 0, null, null));
        batch.put(alsoGood.header().taskId(), alsoGood);

        KafkaTestClient.send("scores", batch);

        await().atMost(Duration.ofSeconds(60)).until(() -> summary().scored("m") == 2);
        Map<String, String> reasons = KafkaTestClient.deadLetterReasons("scores.dlq", 2, Duration.ofSeconds(30));
        assertThat(reasons).containsOnlyKeys("not-json", "old-version");
        assertThat(reasons.get("not-json")).contains("Unexpected end-of-input");
        assertThat(reasons.get("old-version")).isEqualTo("poison record: schema version 0, this consumer reads 1");
    }
}
