package dev.headroom.worker;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/** Concurrent requests for one key share one computation while it runs; a request after it ends starts another. */
final class SingleFlight<K, V> {

    /** @param leader whether this request started the computation, rather than joining one already running */
    record Flight<V>(CompletableFuture<V> result, boolean leader) {
    }

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    private final Executor executor;

    SingleFlight(Executor executor) {
        this.executor = executor;
    }

    Flight<V> join(K key, Supplier<V> computation) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            return new Flight<>(theirs, false);
        }
        try {
            executor.execute(() -> {
                try {
                    V value = computation.get();
                    running.remove(key, mine);
                    mine.complete(value);
                } catch (Throwable failure) {
                    running.remove(key, mine);
                    mine.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException stopping) {
            running.remove(key, mine);
            mine.completeExceptionally(new CancellationException("the worker is stopping"));
        }
        return new Flight<>(mine, true);
    }
}
