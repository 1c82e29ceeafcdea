package dev.headroom.report;

import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.ModelPoint;

import java.util.List;
import java.util.Map;

/**
 * A statistic of a run's models against their size and type, as the aggregator's {@code /runs/{id}/trends} serves it
 * ({@link dev.headroom.core.stats.ModelTrend}).
 *
 * @param points   the models with a card of known size and a value of the statistic
 * @param excluded the run's models left out, each with why
 * @param fit      null when the points do not determine a trend; {@code note} says why
 */
public record Trend(String statistic, List<ModelPoint> points, Map<String, String> excluded, Fit fit, String note) {

    /** {@link dev.headroom.core.stats.ModelTrend.Fit} as it reads: its coefficients with their 95% intervals. */
    public record Fit(int models, List<String> types, Interval intercept, Interval slope,
                      Map<String, Interval> typeEffects, double residualStandardDeviation) {

        /** The fitted value at this log10 size for this type (the reference type when it has no effect). */
        public double at(double log10Parameters, String type) {
            Interval effect = typeEffects.get(type);
            return intercept.estimate() + slope.estimate() * log10Parameters + (effect == null ? 0 : effect.estimate());
        }
    }
}
