package dev.headroom.simserver;

import java.time.Duration;
import java.util.Random;

/**
 * How long the sim server takes to answer: log-normal around {@code median} with log-scale spread {@code sigma};
 * {@code sigma = 0} is a fixed latency.
 */
public record Latency(Duration median, double sigma) {

    public Latency {
        if (median.isNegative()) {
            throw new IllegalArgumentException("latency median " + median + " is negative");
        }
        if (sigma < 0) {
            throw new IllegalArgumentException("latency sigma " + sigma + " is negative");
        }
    }

    public static Latency fixed(Duration latency) {
        return new Latency(latency, 0);
    }

    public long sampleMillis(Random random) {
        double factor = sigma == 0 ? 1 : Math.exp(sigma * random.nextGaussian());
        return Math.round(median.toMillis() * factor);
    }
}
