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
}
