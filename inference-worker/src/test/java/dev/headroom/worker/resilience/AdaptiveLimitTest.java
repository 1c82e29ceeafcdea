package dev.headroom.worker.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Each freed slot wakes one waiter, and a waiter that gives up passes its wake-up on: nobody waits for nothing. */
    @Test
    void manyMoreTasksThanSlotsAllGetOneAndNeverMoreThanTheLimitAtOnce() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        ExecutorService tasks = Executors.newFixedThreadPool(12);
        for (int task = 0; task < 12; task++) {
            boolean impatient = task % 3 == 0;
            tasks.execute(() -> {
                for (int request = 0; request < 200; request++) {
                    try {
                        long acquired = limit.acquire(in(impatient ? Duration.ofMillis(1) : Duration.ofSeconds(30)));
                        if (acquired < 0) {
                            continue;
                        }
                        mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                        held.decrementAndGet();
                        limit.release(true);
                        served.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        tasks.shutdown();

        assertThat(tasks.awaitTermination(60, TimeUnit.SECONDS)).as("every patient task got its 200 slots").isTrue();
        assertThat(served.get()).isGreaterThanOrEqualTo(8 * 200);
        assertThat(mostHeld.get()).isLessThanOrEqualTo(4);
        assertThat(limit.inFlight()).isZero();
    }
}
