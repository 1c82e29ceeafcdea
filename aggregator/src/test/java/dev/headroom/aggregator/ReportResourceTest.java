package dev.headroom.aggregator;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.Score;
import dev.headroom.core.stats.AnalysisSettings;
import dev.headroom.core.stats.ElicitationAnalysis;
import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.ScoredTask;
import dev.headroom.core.variant.Variant;
import dev.headroom.report.Numbers;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReportResourceTest {

    /** As src/test's application.properties sets it. */
    private static final AnalysisSettings SETTINGS = new AnalysisSettings(Variant.PLAIN.id(), 50, 20240917L);

    /** 6 items × 2 variants of model rm: plain right on items 0-2, the other variant right on items 0-4. */
    private static List<Score> scores() {
        List<Variant> variants = TestScores.variants(2);
        List<Score> scores = new ArrayList<>();
        for (int item = 0; item < 6; item++) {
            int gold = item % 4;
            scores.add(TestScores.score("report-run", "rm", "geo", item, variants.get(0), item < 3 ? gold : 3 - gold, gold));
            scores.add(TestScores.score("report-run", "rm", "geo", item, variants.get(1), item < 5 ? gold : 3 - gold, gold));
        }
        return scores;
    }

    @Test
    void reportOfARunShowsItsStatisticsAsHtmlAndMarkdown() {
        KafkaTestClient.send("models", "rm", new ModelCard(Messages.SCHEMA_VERSION, "rm", "sim", "report", 3e9,
                "instruct", 1, null, null), Map.of());
        List<Score> scores = scores();
        KafkaTestClient.send("scores", TestScores.byTaskId(scores));
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.get("/runs/report-run/summary").then()
                .extract().jsonPath().getList("rows.items", Long.class).stream().mapToLong(Long::longValue).sum()
                == scores.size());
        ElicitationReport expected = ElicitationAnalysis.analyse(scores.stream().map(ScoredTask::of).toList(),
                SETTINGS).overall();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RestAssured.get(
                        "/runs/report-run/report.html").then().statusCode(200).contentType("text/html").extract()
                .asString())
                .contains("data-model=\"rm\" data-stat=\"heldOutBest\" data-scope=\"all\">"
                        + Numbers.estimate(expected.heldOutBest()) + " <span class=\"ci\">"
                        + Numbers.interval(expected.heldOutBest()))
                .contains("<td class=\"name\">rm</td><td class=\"name\">instruct</td><td>3.00B</td>"));
        assertThat(RestAssured.get("/runs/report-run/report.md").then().statusCode(200).contentType("text/markdown")
                .extract().asString())
                .startsWith("# Headroom report: run `report-run`")
                .contains("| rm | instruct | 6 | 2 | " + Numbers.estimate(expected.plain()));
    }
}
