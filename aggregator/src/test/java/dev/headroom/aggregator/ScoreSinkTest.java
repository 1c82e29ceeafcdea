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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
        return new Score(Messages.SCHEMA_VERSION, header, outcome, chosen, null);
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
}
