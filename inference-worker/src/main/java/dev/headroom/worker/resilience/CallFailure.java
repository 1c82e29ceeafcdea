package dev.headroom.worker.resilience;

import java.time.Duration;
import java.util.Optional;

/** One failed request to a model server. */
public final class CallFailure extends Exception {

    private final FailureKind kind;
    private final Duration retryAfter;

    public CallFailure(FailureKind kind, String detail, Duration retryAfter) {
        super(detail);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public CallFailure(FailureKind kind, String detail) {
        this(kind, detail, null);
    }

    public FailureKind kind() {
        return kind;
    }

    /** The server's Retry-After, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
