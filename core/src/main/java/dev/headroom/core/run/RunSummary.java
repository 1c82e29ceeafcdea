package dev.headroom.core.run;

import java.util.List;

/** The aggregator's per (model, variant) counts of a run; accuracy counts unparsed answers as wrong. */
public record RunSummary(String runId, List<Row> rows) {

    public RunSummary {
        rows = List.copyOf(rows);
    }

    public record Row(String model, String variantId, String variantName, long items, long correct, long unparsed,
                      double accuracy) {
    }

    /** Scored tasks of one model, over all its variants. */
    public long scored(String model) {
        return rows.stream().filter(row -> row.model().equals(model)).mapToLong(Row::items).sum();
    }
}
