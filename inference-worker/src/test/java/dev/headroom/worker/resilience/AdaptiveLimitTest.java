package dev.headroom.worker.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveLimitTest {

    private static long in(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    @Test
    void noMoreThanTheLimitInFlight() throws InterruptedException {
        AdaptiveLimit limit = new AdaptiveLimit(2);

        assertThat(limit.acquire(in(Duration.ofSeconds(1)))).isPositive();
        assertThat(limit.acquire(in(Duration.ofSeconds(1)))).isPositive();
        assertThat(limit.acquire(in(Duration.ofMillis(20)))).isEqualTo(-1);
        limit.release(true);
        assertThat(limit.acquire(in(Duration.ofSeconds(1)))).isPositive();
    }

    @Test
    void rateLimitsFromOneRoundTripCutOnce() throws InterruptedException {
        AdaptiveLimit limit = new AdaptiveLimit(16);
        long first = limit.acquire(in(Duration.ofSeconds(1)));
        long second = limit.acquire(in(Duration.ofSeconds(1)));

        limit.releaseRateLimited(first);
        limit.releaseRateLimited(second);

        assertThat(limit.current()).isEqualTo(8);
    }

    @Test
    void neverBelowOne() throws InterruptedException {
        AdaptiveLimit limit = new AdaptiveLimit(4);
        for (int i = 0; i < 10; i++) {
            limit.releaseRateLimited(limit.acquire(in(Duration.ofSeconds(1))));
        }

        assertThat(limit.current()).isEqualTo(1);
    }
}
