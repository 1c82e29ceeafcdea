package dev.headroom.worker.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": before attempt n+1 wait between half and all of
 * {@code min(max, initial * 2^(n-1))}, drawn uniformly, so that replicas that failed together do not retry together;
 * never less than the server's Retry-After.
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier uniform) {

    /** The wait after the {@code attempt}-th attempt failed (1-based). */
    public Duration after(int attempt, Optional<Duration> retryAfter) {
        double exponential = Math.min(max.toNanos(), initial.toNanos() * Math.pow(2, attempt - 1));
        Duration jittered = Duration.ofNanos((long) (exponential / 2 + uniform.getAsDouble() * exponential / 2));
        return retryAfter.filter(server -> server.compareTo(jittered) > 0).orElse(jittered);
    }
}
