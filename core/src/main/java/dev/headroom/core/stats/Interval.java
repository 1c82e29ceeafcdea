package dev.headroom.core.stats;

/**
 * An estimate with its 95% interval. From the item-clustered percentile bootstrap, the bounds are NaN when the
 * analysis ran no resamples.
 */
public record Interval(double estimate, double low, double high) {
}
