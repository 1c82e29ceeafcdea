package dev.headroom.core.budget;

import dev.headroom.core.stats.Interval;

import java.util.List;

/**
 * What a budgeted elicitation found, every accuracy with its 95% interval.
 *
 * @param calls        calls allocated
 * @param bestVariant  the variant successive halving picked on the selection half
 * @param bestHeldOut  its accuracy on the scoring half only (normal interval); NaN before it was scored
 * @param worstVariant the variant of lowest fitted ability (chosen and scored on the same outcomes: optimistic about
 *                     how bad it is, like MaxP about the best)
 * @param worst        its accuracy from the item-response model
 * @param q05          5% quantile of the variants' accuracies (item-response model, adjusted ensemble)
 * @param q50          median
 * @param q95          95% quantile
 * @param accuracies   every variant's accuracy from the item-response model, in the variants' order
 */
public record BudgetEstimate(int calls, String bestVariant, Interval bestHeldOut, String worstVariant, Interval worst,
                             Interval q05, Interval q50, Interval q95, List<Interval> accuracies) {
}
