package dev.headroom.core.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The item-clustered percentile bootstrap: each resample draws as many items as the matrix has, with replacement,
 * and keeps every variant's cell of a drawn item together, since an item's answers under different variants are
 * not independent. The 95% interval is the 2.5th and 97.5th percentile of a statistic over the resamples.
 */
final class Bootstrap {

    private final Tally estimate;
    private final List<Tally> resamples;

    private Bootstrap(Tally estimate, List<Tally> resamples) {
        this.estimate = estimate;
        this.resamples = resamples;
    }

    /** Deterministic: the same matrix, count and seed give the same resamples. */
    static Bootstrap of(VariantMatrix matrix, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int items = matrix.items();
        List<Tally> resamples = new ArrayList<>(count);
        for (int resample = 0; resample < count; resample++) {
            int[] weights = new int[items];
            for (int draw = 0; draw < items; draw++) {
                weights[random.nextInt(items)]++;
            }
            resamples.add(Tally.of(matrix, weights));
        }
        return new Bootstrap(Tally.unweighted(matrix), resamples);
    }

    Tally estimate() {
        return estimate;
    }

    /** Null when the statistic has no value on the data itself (no plain variant, say). */
    Interval interval(ToDoubleFunction<Tally> statistic) {
        double value = statistic.applyAsDouble(estimate);
        if (!Double.isFinite(value)) {
            return null;
        }
        double[] values = resamples.stream().mapToDouble(statistic).filter(Double::isFinite).toArray();
        if (values.length == 0) {
            return new Interval(value, Double.NaN, Double.NaN);
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        return new Interval(value, percentile.evaluate(2.5), percentile.evaluate(97.5));
    }
}
