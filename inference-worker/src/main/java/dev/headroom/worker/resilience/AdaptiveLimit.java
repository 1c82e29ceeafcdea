package dev.headroom.worker.resilience;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests a replica may have in flight: additive increase, multiplicative decrease (AIMD), as TCP does.
 * A 429 halves the limit, once per round trip (only a request sent after the last cut can cut again); each success
 * adds 1/limit, about one per round trip of the whole window, up to the configured maximum. The rate-limited request
 * itself waits for its Retry-After before it is retried ({@link Backoff}); the others go on within the smaller limit,
 * so that a server answering a few random 429s is not left idle by a pause of every request.
 */
public final class AdaptiveLimit {

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private double limit;
    private int inFlight;
    /** A nanoTime value, compared by difference as nanoTime requires. */
    private long lastCut = System.nanoTime();

    public AdaptiveLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the concurrency limit must be at least 1, not " + max);
        }
        this.max = max;
        this.limit = max;
    }

    /**
     * Waits for a slot.
     *
     * @return the time the slot was taken ({@link System#nanoTime()}), to pass to the release; or -1 when the
     *         deadline passed first
     */
    public long acquire(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (now - deadlineNanos >= 0) {
                    if (inFlight < (int) limit) {
                        changed.signal(); // a slot's wake-up that reached this giving-up waiter goes on to the next
                    }
                    return -1;
                }
                if (inFlight < (int) limit) {
                    inFlight++;
                    return now;
                }
                changed.await(deadlineNanos - now, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A request succeeded, or failed for a reason other than a rate limit. */
    public void release(boolean succeeded) {
        lock.lock();
        try {
            inFlight--;
            int slots = (int) limit;
            if (succeeded) {
                limit = Math.min(max, limit + 1 / limit);
            }
            // one waiter per slot that opened: waking every waiter for one slot, as spare tasks wait, costs a busy
            // machine a context switch per waiter per request
            changed.signal();
            if ((int) limit > slots) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A request taken at {@code acquiredAt} was answered 429. */
    public void releaseRateLimited(long acquiredAt) {
        lock.lock();
        try {
            inFlight--;
            long now = System.nanoTime();
            if (acquiredAt - lastCut >= 0) {
                limit = Math.max(1, limit / 2);
                lastCut = now;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current limit, whole requests. */
    public int current() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
