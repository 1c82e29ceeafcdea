package dev.headroom.worker.resilience;

import java.time.Duration;

/** Hears of every request to the model, each attempt once: for the worker's metrics. */
public interface RequestObserver {

    /** Hears nothing. */
    RequestObserver NONE = (failure, latency, attempt) -> {
    };

    /**
     * @param failure what went wrong; null when the request was answered
     * @param latency from sending the request to its answer or failure
     * @param attempt the attempt's number within its task, from 1
     */
    void requested(FailureKind failure, Duration latency, int attempt);
}
