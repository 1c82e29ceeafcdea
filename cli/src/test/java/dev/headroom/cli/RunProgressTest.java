package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunProgressTest {

    private static JsonNode status(long scoredA, long deadA) throws Exception {
        return new ObjectMapper().readTree("""
                {"runId": "r", "status": "FAILED", "expectedTasks": 20, "scoredTasks": %d, "deadLetteredTasks": %d,
                 "complete": false, "progress": {
                   "model-a": {"expected": 12, "published": 12, "scored": %d, "deadLettered": %d, "status": "PUBLISHED"},
                   "b": {"expected": 8, "published": 0, "scored": 0, "deadLettered": 0, "status": "FAILED",
                         "error": "unknown benchmark"}}}""".formatted(scoredA, deadA, scoredA, deadA));
    }

    @Test
    void eachModelShowsItsBarCountsDeadLettersAndAFailedShare() throws Exception {
        Instant now = Instant.now();
        String lines = new RunProgress(now).lines(status(5, 1), now);

        assertThat(lines.lines()).containsExactly(
                "run r  FAILED  6 / 20 tasks",
                "  model-a [############............] 6 / 12  — tasks/s  ETA —  dead-lettered 1",
                "  b       [........................] 0 / 8  — tasks/s  ETA —  dead-lettered 0  FAILED: unknown benchmark");
    }

    @Test
    void rateAndTimeLeftComeFromTheTasksFinishedSinceWatchingBegan() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RunProgress progress = new RunProgress(start);
        progress.lines(status(0, 0), start);

        String later = progress.lines(status(6, 0), start.plusSeconds(3));

        assertThat(later).contains("6 / 12  2.0 tasks/s  ETA 0m03s");
    }

    @Test
    void aBudgetedShareShowsWhatItEstimatedWithItsBestVariantByName() throws Exception {
        JsonNode status = new ObjectMapper().readTree("""
                {"runId": "r", "status": "PUBLISHED", "expectedTasks": 100, "scoredTasks": 100, "deadLetteredTasks": 0,
                 "complete": true, "spec": {"variants": [{"id": "v1", "name": "plain"}, {"id": "v2", "name": "labels=number"}]},
                 "progress": {"m": {"expected": 100, "published": 100, "scored": 100, "deadLettered": 0,
                   "status": "PUBLISHED", "budgetEstimate": {"calls": 100, "bestVariant": "v2",
                     "bestHeldOut": {"estimate": 0.7, "low": 0.6, "high": 0.8},
                     "q05": {"estimate": 0.4, "low": 0.35, "high": 0.45}, "q50": {"estimate": 0.5, "low": 0.45, "high": 0.55},
                     "q95": {"estimate": 0.6, "low": 0.55, "high": 0.65}}}}}""");

        String lines = new RunProgress(Instant.now()).lines(status, Instant.now());

        assertThat(lines.lines()).contains("    budget spent: 100 calls; best labels=number 0.700 [0.600, 0.800] held out; "
                + "quantiles 5/50/95% 0.400 [0.350, 0.450] / 0.500 [0.450, 0.550] / 0.600 [0.550, 0.650]");
    }
}
