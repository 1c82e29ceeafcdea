package dev.headroom.worker.resilience;

/** What went wrong with one request to a model server, and what that says about retrying and the server's health. */
public enum FailureKind {
    /** 429: the server is up but wants fewer requests. */
    RATE_LIMITED("rate-limited", true, false),
    /** 5xx. */
    SERVER_ERROR("server-error", true, true),
    /** No answer within the request timeout, or 408. */
    TIMEOUT("timeout", true, true),
    /** Refused, reset or closed connections. */
    CONNECTION("connection-error", true, true),
    /**
     * A 2xx whose body is not a usable completion: not JSON, cut short, no choices. A flaky server or proxy produces
     * these; the same request usually succeeds again, so they are retried, but they say the server is up.
     */
    MALFORMED("malformed-response", true, false),
    /** Any other 4xx: the request itself is wrong (bad model name, key, parameters); retrying cannot help. */
    REJECTED("rejected", false, false);

    private final String reason;
    private final boolean retryable;
    private final boolean serverDown;

    FailureKind(String reason, boolean retryable, boolean serverDown) {
        this.reason = reason;
        this.retryable = retryable;
        this.serverDown = serverDown;
    }

    /** The first word of a dead-letter reason. */
    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Counts towards opening the circuit breaker. */
    public boolean serverDown() {
        return serverDown;
    }
}
