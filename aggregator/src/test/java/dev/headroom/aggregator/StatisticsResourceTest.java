package dev.headroom.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.Score;
import dev.headroom.core.stats.AnalysisSettings;
import dev.headroom.core.stats.ElicitationAnalysis;
import dev.headroom.core.stats.ItemVotes;
import dev.headroom.core.stats.ModelAnalysis;
import dev.headroom.core.stats.ModelPoint;
import dev.headroom.core.stats.ModelTrend;
import dev.headroom.core.stats.ScoredTask;
import dev.headroom.core.stats.VariantDimensions;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StatisticsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As src/test's application.properties sets it. */
    private static final AnalysisSettings SETTINGS = new AnalysisSettings(Variant.PLAIN.id(), 50, 20240917L);
    private static final List<Variant> VARIANTS = TestScores.variants(3);

    /**
     * 8 items in 2 subjects × 3 variants. Item i: the plain variant is right on i < 5, unparsed on i = 7, else
     * chooses option 3; the second variant is right on even items; the third right on i < 6, else chooses option 1
     * (right on item 7). Gold is option i % 3.
     */
    private static List<Score> scores(String runId, String model) {
        List<Score> scores = new ArrayList<>();
        for (int item = 0; item < 8; item++) {
            int gold = item % 3;
            String subject = item < 4 ? "geo" : "history";
            scores.add(TestScores.score(runId, model, subject, item, VARIANTS.get(0),
                    item < 5 ? Integer.valueOf(gold) : item == 7 ? null : 3, gold));
            scores.add(TestScores.score(runId, model, subject, item, VARIANTS.get(1), item % 2 == 0 ? gold : (gold + 1) % 4, gold));
            scores.add(TestScores.score(runId, model, subject, item, VARIANTS.get(2), item < 6 ? gold : 1, gold));
        }
        return scores;
    }

    private static void storeAndAwait(String runId, List<Score> scores) {
        KafkaTestClient.send("scores", TestScores.byTaskId(scores));
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.get("/runs/" + runId + "/summary").then()
                .extract().jsonPath().getList("rows.items", Long.class).stream().mapToLong(Long::longValue).sum()
                == scores.size());
    }

    private static List<ScoredTask> rows(List<Score> scores) {
        return scores.stream().map(ScoredTask::of).toList();
    }

    @Test
    void statisticsOfARunAreCoresAnalysisOfTheSameScores() throws IOException {
        List<Score> scores = scores("stats-run", "m");
        storeAndAwait("stats-run", scores);

        String body = RestAssured.given().accept("application/json").get("/runs/stats-run/statistics")
                .then().statusCode(200).extract().asString();
        ModelAnalysis served = JSON.treeToValue(JSON.readTree(body).get("models").get("m"), ModelAnalysis.class);

        assertThat(served).isEqualTo(ElicitationAnalysis.analyse(rows(scores), SETTINGS));
        assertThat(served.overall().labelBias().chosenLabels()).isNotEmpty();
    }

    @Test
    void statisticsAsCsvReadBackToTheSameEstimates() throws IOException {
        List<Score> scores = scores("csv-run", "m");
        storeAndAwait("csv-run", scores);
        ModelAnalysis expected = ElicitationAnalysis.analyse(rows(scores), SETTINGS);

        String csv = RestAssured.given().accept("text/csv").get("/runs/csv-run/statistics")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();

        assertThat(records).filteredOn(r -> r.get("scope").equals("all") && r.get("statistic").equals("heldout_best"))
                .singleElement().satisfies(r -> {
                    assertThat(Double.parseDouble(r.get("estimate"))).isEqualTo(expected.overall().heldOutBest().estimate());
                    assertThat(Double.parseDouble(r.get("low"))).isEqualTo(expected.overall().heldOutBest().low());
                });
        assertThat(records).filteredOn(r -> r.get("scope").equals("subject=t/history") && r.get("statistic").equals("maxp"))
                .singleElement().satisfies(r -> assertThat(Double.parseDouble(r.get("estimate")))
                        .isEqualTo(expected.bySubject().get("t/history").maxP().estimate()));
    }

    @Test
    void variantsAndItemsOfAModelAsJsonAndCsv() throws IOException {
        List<Score> scores = scores("detail-run", "m");
        storeAndAwait("detail-run", scores);

        String variantsCsv = RestAssured.get("/runs/detail-run/models/m/variants?format=csv")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> variants = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(variantsCsv)).getRecords();
        List<ItemVotes.ItemVote> items = List.of(JSON.readValue(RestAssured.get("/runs/detail-run/models/m/items")
                .then().statusCode(200).extract().asString(), ItemVotes.ItemVote[].class));

        assertThat(variants).extracting(r -> r.get("variant_name"), r -> r.get("items"), r -> r.get("correct"),
                        r -> r.get("unparsed"), r -> r.get("order"))
                .containsExactlyInAnyOrder(
                        tuple("plain", "8", "5", "1", order(VARIANTS.get(0))),
                        tuple(VARIANTS.get(1).name(), "8", "4", "0", order(VARIANTS.get(1))),
                        tuple(VARIANTS.get(2).name(), "8", "7", "0", order(VARIANTS.get(2))));
        assertThat(items).isEqualTo(ItemVotes.of(rows(scores)));
        assertThat(RestAssured.get("/runs?format=csv").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("detail-run,1,24,0,"));
    }

    private static String order(Variant variant) {
        return VariantDimensions.of(variant).getOrDefault("order", "");
    }

    @Test
    void trendsFitTheGapOfModelsAgainstTheSizeOnTheirCards() {
        double[] sizes = {1e9, 3e9, 7e9, 13e9};
        List<Score> scores = new ArrayList<>();
        List<ModelPoint> points = new ArrayList<>();
        for (int m = 0; m < sizes.length; m++) {
            String model = "trend-m" + m;
            KafkaTestClient.send("models", model, new ModelCard(Messages.SCHEMA_VERSION, model, "sim", "trend",
                    sizes[m], "base", 1, null, null), Map.of());
            // model m gets m more items right under the third variant: its gap grows with its size
            for (Score score : scores("trend-run", model)) {
                int item = Integer.parseInt(score.header().itemId().substring(score.header().itemId().lastIndexOf('/') + 1));
                boolean third = score.header().variant().equals(VARIANTS.get(2));
                scores.add(third && item >= 6 && item - 6 < m
                        ? TestScores.score("trend-run", model, score.header().subject(), item, VARIANTS.get(2),
                        score.header().goldIndex(), score.header().goldIndex()) : score);
            }
        }
        storeAndAwait("trend-run", scores);
        for (int m = 0; m < sizes.length; m++) {
            String model = "trend-m" + m;
            List<ScoredTask> own = rows(scores.stream().filter(s -> s.header().model().equals(model)).toList());
            points.add(new ModelPoint(model, sizes[m], "base",
                    ElicitationAnalysis.analyse(own, SETTINGS).overall().elicitationGap().estimate()));
        }
        ModelTrend.Fit expected = ModelTrend.fit(points);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(
                        RestAssured.get("/runs/trend-run/trends").then().statusCode(200).extract().asString())
                .at("/trends/0/fit/slope/estimate").asDouble())
                .isCloseTo(expected.slope().estimate(), offset(1e-12)));
    }
}
