package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.Variant;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One graded task as the statistics need it: the row an aggregator keeps per task of a (run, model).
 *
 * @param dimensions     the variant's value on each dimension, for marginal effects ({@link VariantDimensions})
 * @param chosenIndex    original index of the chosen option; null when unparsed
 * @param goldIndex      original index of the correct option
 * @param chosenPosition presented position chosen; null when unparsed or not recorded
 * @param goldPosition   presented position of the correct option; null when not recorded (label bias skips the task)
 * @param chosenLabel    the label the model gave, as presented; null when unparsed or not recorded
 * @param goldProbability probability of the gold label when log-probabilities were known, else null
 */
public record ScoredTask(String benchmark, String subject, String itemId, String variantId,
                         Map<String, String> dimensions, Outcome outcome, Integer chosenIndex, int goldIndex,
                         Integer chosenPosition, Integer goldPosition, String chosenLabel, Double goldProbability) {

    public ScoredTask {
        Objects.requireNonNull(itemId, "a scored task needs an item id");
        Objects.requireNonNull(variantId, "a scored task needs a variant id");
        Objects.requireNonNull(outcome, "a scored task needs an outcome");
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        if (outcome == Outcome.UNPARSED && chosenIndex != null) {
            throw new IllegalArgumentException("task " + itemId + "/" + variantId + " is unparsed but names option "
                    + chosenIndex);
        }
    }

    /** The row for a score as the scorer publishes it: positions and label come from its header. */
    public static ScoredTask of(Score score) {
        TaskHeader header = score.header();
        return of(header.benchmark(), header.subject(), header.itemId(), header.variant(), score.outcome(),
                score.chosenIndex(), header.goldIndex(), header.labels(), header.presentedOrder(), score.goldProbability());
    }

    /**
     * The row for a score as a store keeps it, with what the header presented: positions and label are read through
     * {@code presentedOrder} and {@code labels}, and are null when those were not kept.
     *
     * @param labels         labels in presented order; null when not kept
     * @param presentedOrder original option index at each presented position; null when not kept
     */
    public static ScoredTask of(String benchmark, String subject, String itemId, Variant variant, Outcome outcome,
                                Integer chosenIndex, int goldIndex, List<String> labels, List<Integer> presentedOrder,
                                Double goldProbability) {
        return of(benchmark, subject, itemId, variant.id(), VariantDimensions.of(variant), outcome, chosenIndex,
                goldIndex, labels, presentedOrder, goldProbability);
    }

    /** The same for a variant known by its id and dimension values (a store that keeps the variant apart). */
    public static ScoredTask of(String benchmark, String subject, String itemId, String variantId,
                                Map<String, String> dimensions, Outcome outcome, Integer chosenIndex, int goldIndex,
                                List<String> labels, List<Integer> presentedOrder, Double goldProbability) {
        Integer chosenPosition = chosenIndex == null || presentedOrder == null ? null : presentedOrder.indexOf(chosenIndex);
        Integer goldPosition = presentedOrder == null ? null : presentedOrder.indexOf(goldIndex);
        String chosenLabel = chosenPosition == null || labels == null ? null : labels.get(chosenPosition);
        return new ScoredTask(benchmark, subject, itemId, variantId, dimensions, outcome, chosenIndex, goldIndex,
                chosenPosition, goldPosition, chosenLabel, goldProbability);
    }

    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }
}
