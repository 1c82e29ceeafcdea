package dev.headroom.worker.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes the requests of one task: within the replica's adaptive concurrency limit, past the circuit breaker, retrying
 * transient failures with backoff, all within the task's deadline. Blocking: each caller thread is one task.
 */
public final class ResilientCaller {

    /** One request; {@code timeout} is what is left of the task's time for it, at most the request timeout. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(Duration timeout) throws CallFailure;
    }

    /** @param latencyMillis the successful request's own latency */
    public record Result<T>(T value, int attempts, long latencyMillis) {
    }

    private final RetryConfig config;
    private final Duration requestTimeout;
    private final AdaptiveLimit limit;
    private final CircuitBreaker breaker;
    private final Backoff backoff;
    private final RequestObserver observer;

    public ResilientCaller(RetryConfig config, Duration requestTimeout, int maxConcurrency, RequestObserver observer) {
        this.config = config;
        this.observer = observer;
        this.requestTimeout = requestTimeout;
        this.limit = new AdaptiveLimit(maxConcurrency);
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenDelay(), config.breakerMaxOpenDelay());
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    public AdaptiveLimit limit() {
        return limit;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * @throws TaskFailedException   when the task cannot be answered; its message is the dead-letter reason
     * @throws CancellationException when the worker is stopping
     */
    public <T> Result<T> call(Attempt<T> attempt) {
        long begin = System.nanoTime();
        long deadline = begin + config.taskDeadline().toNanos();
        CallFailure last = null;
        int attempts = 0;
        try {
            while (attempts < config.maxAttempts()) {
                if (!breaker.awaitPermission(deadline)) {
                    throw new TaskFailedException("circuit-open", attempts, "the server has been down for the task's "
                            + config.taskDeadline().toSeconds() + " s" + lastFailure(last));
                }
                long acquiredAt = limit.acquire(deadline);
                if (acquiredAt < 0) {
                    breaker.onAbandoned();
                    throw deadlinePassed(attempts, last);
                }
                attempts++;
                Duration timeout = Duration.ofNanos(Math.min(requestTimeout.toNanos(), deadline - acquiredAt));
                try {
                    T value = attempt.run(timeout);
                    limit.release(true);
                    breaker.onAnswer();
                    Duration latency = Duration.ofNanos(System.nanoTime() - acquiredAt);
                    observer.requested(null, latency, attempts);
                    return new Result<>(value, attempts, latency.toMillis());
                } catch (CallFailure failure) {
                    last = failure;
                    record(failure, acquiredAt);
                    observer.requested(failure.kind(), Duration.ofNanos(System.nanoTime() - acquiredAt), attempts);
                    if (!failure.kind().retryable()) {
                        throw new TaskFailedException(failure.kind().reason(), attempts, failure.getMessage());
                    }
                }
                if (attempts < config.maxAttempts()) {
                    Duration wait = backoff.after(attempts, last.retryAfter());
                    if (System.nanoTime() + wait.toNanos() - deadline >= 0) {
                        throw deadlinePassed(attempts, last);
                    }
                    Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
                }
            }
            throw new TaskFailedException(last.kind().reason(), attempts, last.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // not a failure of the task: left unacknowledged, it is redelivered to whichever replica runs next
            throw new CancellationException("the worker is stopping");
        }
    }

    private void record(CallFailure failure, long acquiredAt) {
        if (failure.kind() == FailureKind.RATE_LIMITED) {
            limit.releaseRateLimited(acquiredAt);
        } else {
            limit.release(false);
        }
        if (failure.kind().serverDown()) {
            breaker.onServerDown();
        } else {
            breaker.onAnswer();
        }
    }

    private TaskFailedException deadlinePassed(int attempts, CallFailure last) {
        return new TaskFailedException("deadline", attempts, "the task's " + config.taskDeadline().toSeconds()
                + " s passed" + lastFailure(last));
    }

    private static String lastFailure(CallFailure last) {
        return Optional.ofNullable(last).map(f -> "; last: " + f.kind().reason() + ": " + f.getMessage()).orElse("");
    }
}
