package dev.headroom.core.stats;

/**
 * Count, mean and sum of squared deviations of a stream, advanced one value at a time (Welford 1962) and
 * mergeable (Chan et al. 1979): what an aggregator keeps per (run, model, variant) to report running means and
 * variances without rereading its rows. Immutable, so a stored state is never half-updated.
 *
 * @param squaredDeviations sum of squared deviations from the mean (M2)
 */
public record RunningMoments(long count, double mean, double squaredDeviations) {

    public static final RunningMoments EMPTY = new RunningMoments(0, 0, 0);

    public RunningMoments add(double value) {
        long n = count + 1;
        double delta = value - mean;
        double newMean = mean + delta / n;
        return new RunningMoments(n, newMean, squaredDeviations + delta * (value - newMean));
    }

    public RunningMoments merge(RunningMoments other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        return new RunningMoments(n, mean + delta * other.count / n,
                squaredDeviations + other.squaredDeviations + delta * delta * count * other.count / n);
    }

    /** Sample variance (n - 1); NaN below two values. */
    public double variance() {
        return count < 2 ? Double.NaN : squaredDeviations / (count - 1);
    }

    public double standardDeviation() {
        return Math.sqrt(variance());
    }
}
