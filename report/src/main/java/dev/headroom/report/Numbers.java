package dev.headroom.report;

import dev.headroom.core.stats.Interval;

import java.util.Locale;

/** How both reports write a number: three decimals, an em dash for a statistic that does not exist. */
public final class Numbers {

    public static final String ABSENT = "—";

    private Numbers() {
    }

    /** The estimate with three decimals. */
    public static String estimate(Interval value) {
        return value == null ? ABSENT : number(value.estimate());
    }

    public static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : ABSENT;
    }

    /** The 95% interval as {@code [low, high]}, empty when the analysis ran no resamples. */
    public static String interval(Interval value) {
        if (value == null || !Double.isFinite(value.low()) || !Double.isFinite(value.high())) {
            return "";
        }
        return "[" + number(value.low()) + ", " + number(value.high()) + "]";
    }

    /** A parameter count as people say it: 7B, 350M. */
    public static String parameters(double count) {
        if (!(count > 0)) {
            return ABSENT;
        }
        return count >= 1e9 ? String.format(Locale.ROOT, "%.3gB", count / 1e9)
                : String.format(Locale.ROOT, "%.3gM", count / 1e6);
    }
}
