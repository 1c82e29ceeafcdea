package dev.headroom.worker.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesPerAttemptWithinHalfAndAllOfTheStepUpToTheMaximum() {
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999_999);

        assertThat(lowest.after(1, Optional.empty())).isEqualTo(Duration.ofMillis(50));
        assertThat(highest.after(3, Optional.empty())).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
        assertThat(lowest.after(10, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.after(10, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void neverShorterThanRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);

        assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.after(1, Optional.of(Duration.ofMillis(1)))).isEqualTo(Duration.ofMillis(75));
    }
}
