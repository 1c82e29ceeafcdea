package dev.headroom.core.stats;

import java.util.Arrays;

/**
 * The statistics that need only each variant's accuracy (NaN for a variant without cells), not its items: what a
 * store's running per-variant counts give at once. {@link Tally} computes the same ones through these.
 */
public final class Accuracies {

    private Accuracies() {
    }

    /** Correct over tasks; NaN without tasks. */
    public static double of(double correct, double tasks) {
        return tasks == 0 ? Double.NaN : correct / tasks;
    }

    /** The variant with the highest accuracy; ties go to the first. -1 when none has cells. */
    public static int best(double[] accuracy) {
        int best = -1;
        for (int i = 0; i < accuracy.length; i++) {
            if (Double.isFinite(accuracy[i]) && (best < 0 || accuracy[i] > accuracy[best])) {
                best = i;
            }
        }
        return best;
    }

    public static double maxP(double[] accuracy) {
        int best = best(accuracy);
        return best < 0 ? Double.NaN : accuracy[best];
    }

    public static double avgP(double[] accuracy) {
        return Arrays.stream(finite(accuracy)).average().orElse(Double.NaN);
    }

    public static double min(double[] accuracy) {
        return Arrays.stream(finite(accuracy)).min().orElse(Double.NaN);
    }

    public static double spread(double[] accuracy) {
        return maxP(accuracy) - min(accuracy);
    }

    static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
