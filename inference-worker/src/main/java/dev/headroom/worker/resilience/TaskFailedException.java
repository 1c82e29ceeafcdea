package dev.headroom.worker.resilience;

/**
 * A task the worker gives up on. Its message is the dead-letter reason: a stable first word (a {@link FailureKind}'s
 * reason, "deadline" or "circuit-open"), the number of attempts, and the last failure.
 */
public final class TaskFailedException extends RuntimeException {

    public TaskFailedException(String kind, int attempts, String detail) {
        super(kind + " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + detail);
    }
}
