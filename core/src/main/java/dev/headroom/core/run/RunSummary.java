package dev.headroom.core.run;

import java.util.List;
import java.util.Map;

/**
 * The aggregator's per (model, variant) counts of a run; accuracy counts unparsed answers as wrong.
 *
 * @param deadLettered per model, the tasks its workers gave up on (prompts.&lt;model&gt;.dlq) that have no score
 */
public record RunSummary(String runId, List<Row> rows, Map<String, Long> deadLettered) {

    public RunSummary {
        rows = List.copyOf(rows);
        deadLettered = deadLettered == null ? Map.of() : Map.copyOf(deadLettered);
    }

    public RunSummary(String runId, List<Row> rows) {
        this(runId, rows, Map.of());
    }

    public record Row(String model, String variantId, String variantName, long items, long correct, long unparsed,
                      double accuracy) {
    }

    /** Scored tasks of one model, over all its variants. */
    public long scored(String model) {
        return rows.stream().filter(row -> row.model().equals(model)).mapToLong(Row::items).sum();
    }

    public long deadLettered(String model) {
        return deadLettered.getOrDefault(model, 0L);
    }
}
