package dev.headroom.core.run;

import java.util.List;

/**
 * The aggregator's per (model, variant) counts of a run; accuracy counts unparsed answers as wrong.
 *
 * @param deadLetters tasks given up on (never scored), per model and reason
 * @param spending    what each model's scored tasks cost, per model
 */
public record RunSummary(String runId, List<Row> rows, List<DeadLetters> deadLetters, List<Spent> spending) {

    public RunSummary {
        rows = List.copyOf(rows);
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
        spending = spending == null ? List.of() : List.copyOf(spending);
    }

    /**
     * @param pricedTasks scored tasks whose completion carried a cost (none when the model card has no prices)
     * @param costUsd     their cost in all
     */
    public record Spent(String model, long pricedTasks, double costUsd) {
    }

    /** What the model's scored tasks cost so far; nothing priced when none is. */
    public Spent spentBy(String model) {
        return spending.stream().filter(spent -> model.equals(spent.model())).findFirst()
                .orElse(new Spent(model, 0, 0));
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
