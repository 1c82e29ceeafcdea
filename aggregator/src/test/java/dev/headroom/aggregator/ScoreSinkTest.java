package dev.headroom.aggregator;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ScoreSinkTest {

    @Inject
    DataSource dataSource;

    static Score score(String runId, String model, int item, Variant variant, Outcome outcome) {
        String itemId = "t/geo/test/" + item;
        TaskHeader header = new TaskHeader(TaskHeader.taskId(runId, model, itemId, variant.id()), runId, model, itemId,
                "t", "geo", variant, List.of("w", "x", "y", "z"), List.of("A", "B", "C", "D"), List.of(0, 1, 2, 3), 0);
        Integer chosen = switch (outcome) {
            case CORRECT -> 0;
            case INCORRECT -> 2;
            case UNPARSED -> null;
        };
        return new Score(Messages.SCHEMA_VERSION, header, outcome, chosen, null, null);
    }

    /** 10 items × 2 variants; the plain variant gets 7 right, 2 wrong, 1 unparsed; the other 4 right, 6 wrong. */
    private static Map<String, Score> scores(String runId) {
        Map<String, Score> scores = new LinkedHashMap<>();
        List<Score> all = new ArrayList<>();
        for (int item = 0; item < 10; item++) {
            all.add(score(runId, "m", item, Variant.PLAIN, item < 7 ? Outcome.CORRECT : item < 9 ? Outcome.INCORRECT : Outcome.UNPARSED));
            all.add(score(runId, "m", item, VariantPresets.named("numbers-reversed"), item < 4 ? Outcome.CORRECT : Outcome.INCORRECT));
        }
        all.forEach(s -> scores.put(s.header().taskId(), s));
        return scores;
    }

    private String tables(String runId) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM scores WHERE run_id = '%1$s') || ' / ' ||
                            (SELECT string_agg(variant_name || ':' || items || ',' || correct || ',' || unparsed, ' ' ORDER BY variant_name)
                             FROM variant_summary WHERE run_id = '%1$s')""".formatted(runId))) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void storesEachScoreOnceAndCountsItOnceHoweverOftenItArrives() throws Exception {
        Map<String, Score> scores = scores("dup-run");

        KafkaTestClient.send("scores", scores);
        await().atMost(Duration.ofSeconds(30)).until(() -> tables("dup-run").startsWith("20 / "));
        String once = tables("dup-run");
        KafkaTestClient.send("scores", scores);
        KafkaTestClient.send("scores", Map.of("sentinel", score("sentinel-run", "m", 0, Variant.PLAIN, Outcome.CORRECT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> tables("sentinel-run").startsWith("1 / "));

        assertThat(once).isEqualTo("20 / labels=number,order=reversed:10,4,0 plain:10,7,1");
        assertThat(tables("dup-run")).isEqualTo(once);
    }

    @Test
    void storesEachScoresCostAndSumsWhatAModelSpentOnceHoweverOftenItArrives() {
        List<Score> scores = new ArrayList<>();
        for (int item = 0; item < 10; item++) {
            Variant variant = item % 2 == 0 ? Variant.PLAIN : VariantPresets.named("numbers-reversed");
            // every fifth answer unpriced, as from a worker whose card has no prices
            scores.add(TestScores.costing(score("cost-run", "m", item, variant, Outcome.CORRECT),
                    item % 5 == 0 ? null : 0.001 * item));
        }
        RunSummary.Spent expected = new RunSummary.Spent("m", 8, 0.001 * (45 - 5));

        KafkaTestClient.send("scores", TestScores.byTaskId(scores));
        await().atMost(Duration.ofSeconds(30)).until(() -> tables("cost-run").startsWith("10 / "));
        RunSummary.Spent once = costSummary("cost-run").spentBy("m");
        KafkaTestClient.send("scores", TestScores.byTaskId(scores));
        KafkaTestClient.send("scores", Map.of("cost-sentinel",
                score("cost-sentinel-run", "m", 0, Variant.PLAIN, Outcome.CORRECT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> tables("cost-sentinel-run").startsWith("1 / "));

        assertThat(once.pricedTasks()).isEqualTo(expected.pricedTasks());
        assertThat(once.costUsd()).isCloseTo(expected.costUsd(), within(1e-12));
        assertThat(costSummary("cost-run").spentBy("m")).isEqualTo(once);
    }

    private static RunSummary costSummary(String runId) {
        return RestAssured.get("/runs/" + runId + "/summary").then().statusCode(200).extract().as(RunSummary.class);
    }

    @Test
    void summaryGivesAccuracyPerModelAndVariantCountingUnparsedAsWrong() {
        KafkaTestClient.send("scores", scores("summary-run"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tables("summary-run").startsWith("20 / "));

        RunSummary summary = RestAssured.get("/runs/summary-run/summary").then().statusCode(200)
                .extract().as(RunSummary.class);

        assertThat(summary.rows()).extracting(RunSummary.Row::variantName, RunSummary.Row::items,
                        RunSummary.Row::correct, RunSummary.Row::unparsed)
                .containsExactly(tuple("labels=number,order=reversed", 10L, 4L, 0L), tuple("plain", 10L, 7L, 1L));
        assertThat(summary.rows()).extracting(RunSummary.Row::accuracy)
                .containsExactly(0.4, 0.7);
    }

    @Test
    void goldProbabilityMeanAndSpreadMergedBatchByBatchEqualATwoPassComputationOverTheStoredRows() throws Exception {
        Random random = new Random(7);
        List<Score> all = new ArrayList<>();
        for (int item = 0; item < 300; item++) {
            Score plain = score("moments-run", "m", item, Variant.PLAIN, Outcome.CORRECT);
            // every seventh answer carries no probability, as from a backend without log-probabilities
            Double probability = item % 7 == 0 ? null : 0.9 + random.nextGaussian() * 0.05;
            all.add(new Score(plain.schemaVersion(), plain.header(), plain.outcome(), plain.chosenIndex(), probability,
                    null));
        }
        for (int batch = 0; batch < 5; batch++) {
            int end = (batch + 1) * all.size() / 5;
            KafkaTestClient.send("scores", TestScores.byTaskId(all.subList(batch * all.size() / 5, end)));
            int expected = end;
            await().atMost(Duration.ofSeconds(30)).until(() -> tables("moments-run").startsWith(expected + " / "));
        }

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT v.gold_probability_count, v.gold_probability_mean, sqrt(v.gold_probability_m2 / v.gold_probability_count),
                            t.n, t.mean, t.sd
                     FROM variant_summary v, (SELECT count(gold_probability) AS n, avg(gold_probability) AS mean,
                                                     stddev_pop(gold_probability) AS sd
                                              FROM scores WHERE run_id = 'moments-run') t
                     WHERE v.run_id = 'moments-run'""")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(rows.getLong(4)).isEqualTo(300 - 43);
            assertThat(rows.getDouble(2)).isCloseTo(rows.getDouble(5), within(1e-12));
            assertThat(rows.getDouble(3)).isCloseTo(rows.getDouble(6), within(1e-12)).isBetween(0.04, 0.06);
        }
        RunStore.VariantRow row = RestAssured.get("/runs/moments-run/models/m/variants").then().statusCode(200)
                .extract().jsonPath().getObject("[0]", RunStore.VariantRow.class);
        assertThat(row.goldProbabilityMean()).isBetween(0.89, 0.91);
    }
}
