package dev.headroom.core.run;

import java.util.List;

/**
 * The aggregator's per (model, variant) counts of a run; accuracy counts unparsed answers as wrong.
 *
 * @param deadLetters tasks given up on (never scored), per model and reason
 */
public record RunSummary(String runId, List<Row> rows, List<DeadLetters> deadLetters) {

    public RunSummary {
        rows = List.copyOf(rows);
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
    }

    public record DeadLetters(String model, String reason, long tasks) {
    }

    /** Tasks of one model that went to a dead-letter topic and were never scored. */
    public long deadLettered(String model) {
        return deadLetters.stream().filter(d -> model.equals(d.model())).mapToLong(DeadLetters::tasks).sum();
    }

    public record Row(String model, String variantId, String variantName, long items, long correct, long unparsed,
                      double accuracy) {
    }

    /** Scored tasks of one model, over all its variants. */
    public long scored(String model) {
        return rows.stream().filter(row -> row.model().equals(model)).mapToLong(Row::items).sum();
    }
}
