package dev.headroom.worker.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static long in(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    @Test
    void opensAfterConsecutiveServerDownFailuresAndHoldsRequestsBack() throws InterruptedException {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), Duration.ofSeconds(60));
        breaker.onServerDown();
        breaker.onServerDown();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        breaker.onServerDown();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.awaitPermission(in(Duration.ofMillis(20)))).isFalse();
    }

    @Test
    void anAnswerBetweenFailuresKeepsItClosed() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            breaker.onServerDown();
            breaker.onServerDown();
            breaker.onAnswer();
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheOpenDelayOneProbeGoesAndItsSuccessCloses() throws InterruptedException {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofMillis(1), Duration.ofMillis(10));
        breaker.onServerDown();

        assertThat(breaker.awaitPermission(in(Duration.ofSeconds(5)))).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.awaitPermission(in(Duration.ofMillis(20)))).as("a second caller waits for the probe").isFalse();
        breaker.onAnswer();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.awaitPermission(in(Duration.ofMillis(20)))).isTrue();
    }

    @Test
    void aFailedProbeReopens() throws InterruptedException {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofMillis(1), Duration.ofMillis(10));
        breaker.onServerDown();
        breaker.awaitPermission(in(Duration.ofSeconds(5)));

        breaker.onServerDown();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
