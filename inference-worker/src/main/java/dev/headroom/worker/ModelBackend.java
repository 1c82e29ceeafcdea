package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;

/** Something that answers prompts: a simulated model, a model server, a model in-process. */
public interface ModelBackend extends AutoCloseable {

    Completion complete(PromptTask task);

    /** Whether it keeps its own requests to {@code max-concurrency} however many tasks it is given at once. */
    default boolean limitsItsRequests() {
        return false;
    }

    /** Releases what the backend started (a child process, a connection); called once, when the worker stops. */
    @Override
    default void close() {
    }
}
