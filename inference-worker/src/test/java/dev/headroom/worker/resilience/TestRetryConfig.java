package dev.headroom.worker.resilience;

import java.time.Duration;

/** Retry settings for tests: short waits so that a test never sleeps long. */
public record TestRetryConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration taskDeadline,
                              int breakerFailures, Duration breakerOpenDelay, Duration breakerMaxOpenDelay)
        implements RetryConfig {

    public static TestRetryConfig quick(int maxAttempts, Duration deadline) {
        return new TestRetryConfig(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5), deadline, 1000,
                Duration.ofMillis(10), Duration.ofMillis(50));
    }
}
