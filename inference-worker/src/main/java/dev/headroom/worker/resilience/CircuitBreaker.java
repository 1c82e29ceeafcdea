package dev.headroom.worker.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stops sending to a server that is down. After {@code threshold} consecutive server-down failures the breaker
 * opens: requests wait (they do not fail, so their tasks are not dead-lettered for the outage alone) until the open
 * delay has passed, then one probe goes out. The probe's success closes the breaker; its failure reopens it for twice
 * the delay, up to a maximum. Any answer from the server, a 429 or a malformed body included, shows it is up.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration openDelay;
    private long openUntil;

    public CircuitBreaker(int threshold, Duration initialDelay, Duration maxDelay) {
        this.threshold = threshold;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.openDelay = initialDelay;
    }

    /** Waits until a request may go out; false when the deadline passed first. */
    public boolean awaitPermission(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (state == State.CLOSED) {
                    return true;
                }
                if (now - deadlineNanos >= 0) {
                    return false;
                }
                if (state == State.OPEN && now - openUntil >= 0) {
                    state = State.HALF_OPEN;
                    return true;
                }
                long wakeUp = state == State.OPEN ? Math.min(openUntil - now, deadlineNanos - now) : deadlineNanos - now;
                changed.await(wakeUp, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The server answered (whatever it said). */
    public void onAnswer() {
        lock.lock();
        try {
            consecutiveFailures = 0;
            if (state != State.CLOSED) {
                state = State.CLOSED;
                openDelay = initialDelay;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The server looked down: a 5xx, a timeout, a connection error. */
    public void onServerDown() {
        lock.lock();
        try {
            consecutiveFailures++;
            if (state == State.HALF_OPEN) {
                openDelay = openDelay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : openDelay.multipliedBy(2);
                open();
            } else if (state == State.CLOSED && consecutiveFailures >= threshold) {
                open();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A request that was let through never went out: if it was the probe, another may probe. */
    public void onAbandoned() {
        lock.lock();
        try {
            if (state == State.HALF_OPEN) {
                state = State.OPEN;
                openUntil = System.nanoTime();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    private void open() {
        state = State.OPEN;
        openUntil = System.nanoTime() + openDelay.toNanos();
        changed.signalAll();
    }
}
