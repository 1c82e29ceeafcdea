package dev.headroom.core.stats;

import java.util.List;
import java.util.Map;

/**
 * Every statistic of one model in one scope (all items, a benchmark, or a subject), each with its 95% interval.
 * Definitions: docs/statistics.md. A statistic that cannot be computed (no plain variant, a single variant) is null.
 *
 * @param plain             accuracy of the plain variant
 * @param unparsedRate      share of all scored tasks whose answer named no option (they count as wrong everywhere)
 * @param maxP              accuracy of the best variant, chosen and scored on the same items: optimistic
 * @param heldOutBest       best variant chosen on one half of the items and scored on the other, cross-fitted
 * @param heldOutChoices    the variants the held-out best chose: on the first half, then on the second
 * @param maxPOptimism      maxP - heldOutBest
 * @param spread            max - min accuracy over variants
 * @param cps               (1 - (maxP - avgP)) * maxP
 * @param pss               ProSA's prompt sensitivity score
 * @param majorityMinusMaxP majority vote accuracy - maxP
 * @param oracle            share of items some variant answered correctly
 * @param allCorrect        share of items every variant answered correctly
 * @param elicitationGap    heldOutBest - plain
 * @param elicitationRatio  heldOutBest / plain
 * @param marginals         per dimension, per value: mean accuracy of the variants with that value
 */
public record ElicitationReport(String scope, int items, int variants, int tasks,
                               String plainVariantId, Interval plain, Interval unparsedRate,
                               String bestVariantId, Interval maxP, Interval heldOutBest,
                               List<String> heldOutChoices, Interval maxPOptimism,
                               Interval avgP, Interval min, Quantiles quantiles, Interval spread,
                               Interval standardDeviation, Interval cps, Interval pss,
                               Interval majorityVote, Interval majorityMinusMaxP, Interval oracle, Interval allCorrect,
                               LabelBias labelBias, Interval elicitationGap, Interval elicitationRatio,
                               Map<String, Map<String, Interval>> marginals, List<VariantScore> perVariant) {

    /** Quantiles of the variants' accuracies. */
    public record Quantiles(Interval p5, Interval p25, Interval p50, Interval p75, Interval p95) {
    }

    /**
     * @param rStd            standard deviation of recall across gold positions (Zheng et al. 2024), pooled over variants
     * @param goldPositions   how often the gold option was presented at each position
     * @param chosenPositions how often each presented position was chosen
     * @param chosenLabels    how often each label was given, as presented
     */
    public record LabelBias(Interval rStd, Map<Integer, Long> goldPositions, Map<Integer, Long> chosenPositions,
                            Map<String, Long> chosenLabels) {
    }

    /**
     * @param rStd                RStd of this variant's tasks alone; null without recorded positions
     * @param meanGoldProbability mean probability of the gold label over the tasks that have one; null if none
     */
    public record VariantScore(String variantId, Map<String, String> dimensions, int items, int correct,
                               int unparsed, Interval accuracy, Interval rStd, Double meanGoldProbability) {
    }
}
