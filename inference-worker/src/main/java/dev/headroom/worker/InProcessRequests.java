package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import dev.headroom.worker.resilience.FailureKind;
import dev.headroom.worker.resilience.RequestObserver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend without a server (sim, replay, gguf) seen as requests: each call is one request, answered or, if it
 * throws, a server error. The HTTP backend reports its own attempts through its {@code ResilientCaller}.
 */
final class InProcessRequests implements ModelBackend {

    private final ModelBackend backend;
    private final RequestObserver observer;
    private final AtomicInteger inFlight = new AtomicInteger();

    InProcessRequests(ModelBackend backend, RequestObserver observer) {
        this.backend = backend;
        this.observer = observer;
    }

    @Override
    public Completion complete(PromptTask task) {
        long begin = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            Completion completion = backend.complete(task);
            observer.requested(null, Duration.ofNanos(System.nanoTime() - begin), 1);
            return completion;
        } catch (RuntimeException e) {
            observer.requested(FailureKind.SERVER_ERROR, Duration.ofNanos(System.nanoTime() - begin), 1);
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        backend.close();
    }
}
