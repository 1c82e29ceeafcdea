package dev.headroom.aggregator;

import dev.headroom.core.message.Score;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class RunGaugesTest {

    private static List<String> series(String metric, String runId) {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains("run=\"" + runId + "\""))
                .toList();
    }

    @Test
    void aModelWithManyVariantsGetsSeriesForOnlyTheTopAndBottomThree() {
        List<Variant> variants = TestScores.variants(13);
        List<Score> scores = new ArrayList<>();
        // variant v answers v of 12 items right: every accuracy distinct, the plain variant (v = 0) the worst
        for (int v = 0; v < variants.size(); v++) {
            for (int item = 0; item < 12; item++) {
                scores.add(TestScores.score("gauge-run", "m", "geo", item, variants.get(v), item < v ? 0 : 1, 0));
            }
        }
        KafkaTestClient.send("scores", TestScores.byTaskId(scores));

        await().atMost(Duration.ofSeconds(60)).until(() -> series("headroom_run_tasks_scored", "gauge-run").stream()
                .anyMatch(line -> line.endsWith(" 156.0")));
        await().atMost(Duration.ofSeconds(30)).until(() -> series("headroom_elicitation_score", "gauge-run").stream()
                .anyMatch(line -> line.contains("statistic=\"maxp\"") && line.endsWith(" 1.0")));

        List<String> perVariant = series("headroom_variant_accuracy", "gauge-run");
        assertThat(perVariant).hasSize(6);
        assertThat(perVariant).filteredOn(line -> line.contains("rank=\"top\"")).hasSize(3)
                .anyMatch(line -> line.contains("variant=\"" + variants.get(12).name() + "\"") && line.endsWith(" 1.0"));
        assertThat(perVariant).filteredOn(line -> line.contains("rank=\"bottom\"")).hasSize(3)
                .anyMatch(line -> line.contains("variant=\"plain\"") && line.endsWith(" 0.0"));
    }

    @Test
    void aScoringModelWithoutDeadLettersExportsZeroDeadLettered() {
        KafkaTestClient.send("scores", TestScores.byTaskId(List.of(
                TestScores.score("clean-run", "m", "geo", 0, Variant.PLAIN, 0, 0))));

        await().atMost(Duration.ofSeconds(60)).until(() -> !series("headroom_run_tasks_scored", "clean-run").isEmpty());
        assertThat(series("headroom_run_tasks_dead_lettered", "clean-run")).singleElement()
                .satisfies(line -> assertThat(line).contains("model=\"m\"").endsWith(" 0.0"));
    }
}
