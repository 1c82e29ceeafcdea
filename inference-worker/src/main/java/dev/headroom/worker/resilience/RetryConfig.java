package dev.headroom.worker.resilience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a worker retries a model server's transient failures and stops hammering one that is down. */
@ConfigMapping(prefix = "headroom.worker.retry")
public interface RetryConfig {

    /** Requests per task at most, the first included; then the task goes to the dead-letter topic. */
    @WithDefault("6")
    int maxAttempts();

    /** Backoff before the second attempt; it doubles per attempt, with jitter, up to max-backoff. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** The longest backoff between two attempts (a longer Retry-After is still honoured). */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * A task's whole time budget from when the worker takes it: waits for a slot, attempts, backoffs. At most two
     * deadlines must fit in the consumer's unacknowledged-record limit, which is checked at start-up.
     */
    @WithDefault("25s")
    Duration taskDeadline();

    /** Consecutive server-down failures (5xx, timeouts, connection errors) that open the circuit breaker. */
    @WithDefault("10")
    int breakerFailures();

    /** How long the open breaker holds requests back before one probe; doubles per failed probe. */
    @WithDefault("1s")
    Duration breakerOpenDelay();

    /** The longest the breaker stays open before probing again. */
    @WithDefault("15s")
    Duration breakerMaxOpenDelay();
}
