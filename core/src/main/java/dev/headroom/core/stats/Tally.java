package dev.headroom.core.stats;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.Collection;

/**
 * The statistics of a {@link VariantMatrix} under one weighting of its items: all ones for the estimate, a
 * bootstrap resample's multiplicities for an interval. Every statistic is a function of these weighted sums, so
 * one pass over the cells per resample serves all of them. NaN marks a statistic with nothing to average.
 */
final class Tally {

    private final double[] accuracy;
    private final double[] cells;
    private final double[] unparsed;
    private final double[] firstAccuracy;
    private final double[] firstCells;
    private final double[] secondAccuracy;
    private final double[] secondCells;
    private final double[][] goldAt;
    private final double[][] correctAt;
    private final double pairDisagreement;
    private final double someCorrect;
    private final double allCorrect;
    private final double majorityCorrect;

    private Tally(VariantMatrix matrix, int[] weights) {
        int variants = matrix.variants();
        double[] correct = new double[variants];
        double[] firstCorrect = new double[variants];
        double[] secondCorrect = new double[variants];
        goldAt = new double[variants][matrix.positions()];
        correctAt = new double[variants][matrix.positions()];
        cells = new double[variants];
        unparsed = new double[variants];
        firstCells = new double[variants];
        secondCells = new double[variants];
        WeightedMean disagreement = new WeightedMean();
        WeightedMean some = new WeightedMean();
        WeightedMean all = new WeightedMean();
        WeightedMean majority = new WeightedMean();
        for (int item = 0; item < matrix.items(); item++) {
            int weight = weights[item];
            if (weight == 0) {
                continue;
            }
            boolean first = matrix.inFirstHalf(item);
            for (int variant = 0; variant < variants; variant++) {
                byte cell = matrix.cell(item, variant);
                if (cell == VariantMatrix.MISSING) {
                    continue;
                }
                int hit = cell == VariantMatrix.CORRECT ? weight : 0;
                cells[variant] += weight;
                correct[variant] += hit;
                unparsed[variant] += cell == VariantMatrix.UNPARSED ? weight : 0;
                (first ? firstCells : secondCells)[variant] += weight;
                (first ? firstCorrect : secondCorrect)[variant] += hit;
                int goldPosition = matrix.goldPosition(item, variant);
                if (goldPosition >= 0) {
                    goldAt[variant][goldPosition] += weight;
                    correctAt[variant][goldPosition] += hit;
                }
            }
            disagreement.add(matrix.pairDisagreement(item), weight);
            some.add(matrix.someCorrect(item) ? 1 : 0, weight);
            all.add(matrix.allCorrect(item) ? 1 : 0, weight);
            majority.add(matrix.majorityCorrect(item) ? 1 : 0, weight);
        }
        accuracy = ratios(correct, cells);
        firstAccuracy = ratios(firstCorrect, firstCells);
        secondAccuracy = ratios(secondCorrect, secondCells);
        pairDisagreement = disagreement.mean();
        someCorrect = some.mean();
        allCorrect = all.mean();
        majorityCorrect = majority.mean();
    }

    static Tally of(VariantMatrix matrix, int[] weights) {
        return new Tally(matrix, weights);
    }

    static Tally unweighted(VariantMatrix matrix) {
        int[] ones = new int[matrix.items()];
        Arrays.fill(ones, 1);
        return new Tally(matrix, ones);
    }

    double accuracy(int variant) {
        return accuracy[variant];
    }

    /** Share of all present cells that are unparsed. */
    double unparsedRate() {
        return Arrays.stream(unparsed).sum() / Arrays.stream(cells).sum();
    }

    /** The variant with the highest accuracy; ties go to the first in id order. -1 when none has cells. */
    int best() {
        return Accuracies.best(accuracy);
    }

    double maxP() {
        return Accuracies.maxP(accuracy);
    }

    double avgP() {
        return Accuracies.avgP(accuracy);
    }

    double min() {
        return Accuracies.min(accuracy);
    }

    double spread() {
        return Accuracies.spread(accuracy);
    }

    /** Quantile of the variants' accuracies, linear between order statistics (R-7, numpy's default). */
    double quantile(double probability) {
        double[] values = Accuracies.finite(accuracy);
        return values.length == 0 ? Double.NaN
                : new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, probability * 100);
    }

    /** Sample standard deviation (n - 1) of the variants' accuracies. */
    double standardDeviation() {
        double[] values = Accuracies.finite(accuracy);
        return values.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(values);
    }

    /** Mizrahi et al. 2024's combined performance score: (1 - (MaxP - AvgP)) * MaxP. */
    double cps() {
        return (1 - (maxP() - avgP())) * maxP();
    }

    /**
     * Best variant chosen on each half, scored on the other; the two scores averaged, each weighted by the
     * number of cells it was scored on.
     */
    double heldOutBest() {
        int bestOnFirst = bestOnFirstHalf();
        int bestOnSecond = bestOnSecondHalf();
        if (bestOnFirst < 0 || bestOnSecond < 0) {
            return Double.NaN;
        }
        WeightedMean crossFit = new WeightedMean();
        crossFit.add(secondAccuracy[bestOnFirst], secondCells[bestOnFirst]);
        crossFit.add(firstAccuracy[bestOnSecond], firstCells[bestOnSecond]);
        return crossFit.mean();
    }

    /** The variant the held-out best chooses on the first half (and scores on the second); -1 when none. */
    int bestOnFirstHalf() {
        return Accuracies.best(firstAccuracy);
    }

    int bestOnSecondHalf() {
        return Accuracies.best(secondAccuracy);
    }

    double pss() {
        return pairDisagreement;
    }

    double oracle() {
        return someCorrect;
    }

    double allCorrect() {
        return allCorrect;
    }

    double majorityVote() {
        return majorityCorrect;
    }

    /**
     * Zheng et al. 2024's RStd: population standard deviation, over the presented positions the gold option took,
     * of the recall at each (the share answered correctly when the gold was there); tasks of all variants pooled.
     */
    double rStd() {
        return populationStandardDeviation(ratios(columnSums(correctAt), columnSums(goldAt)));
    }

    /** RStd of one variant's tasks. */
    double rStd(int variant) {
        return populationStandardDeviation(ratios(correctAt[variant], goldAt[variant]));
    }

    /** Mean accuracy of these variants, each weighing the same. */
    double meanAccuracy(Collection<Integer> variants) {
        return variants.stream().mapToDouble(variant -> accuracy[variant]).filter(Double::isFinite)
                .average().orElse(Double.NaN);
    }

    private static double populationStandardDeviation(double[] values) {
        double[] present = Accuracies.finite(values);
        return present.length == 0 ? Double.NaN : new StandardDeviation(false).evaluate(present);
    }

    private static double[] ratios(double[] numerators, double[] denominators) {
        double[] ratios = new double[numerators.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = Accuracies.of(numerators[i], denominators[i]);
        }
        return ratios;
    }

    private static double[] columnSums(double[][] rows) {
        double[] sums = new double[rows.length == 0 ? 0 : rows[0].length];
        for (double[] row : rows) {
            for (int column = 0; column < sums.length; column++) {
                sums[column] += row[column];
            }
        }
        return sums;
    }

    /** A mean that skips NaN values and zero weights. */
    private static final class WeightedMean {
        private double sum;
        private double weight;

        void add(double value, double valueWeight) {
            if (Double.isFinite(value) && valueWeight > 0) {
                sum += value * valueWeight;
                weight += valueWeight;
            }
        }

        double mean() {
            return weight == 0 ? Double.NaN : sum / weight;
        }
    }
}
