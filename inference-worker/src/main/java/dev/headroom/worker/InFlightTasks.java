package dev.headroom.worker;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The tasks whose model call has started and whose completion is not yet acknowledged. On shutdown (SIGTERM) no task
 * starts any more (those polled stay unacknowledged, so another replica or the next start answers them) and the
 * shutdown waits, at most drain-timeout, until every started task is acknowledged (its completion is on the broker),
 * then one more commit interval of the consumer's throttled commit, which commits the acknowledged offsets while the
 * consumer still runs (closing it does not reliably commit). A drained task is never asked again.
 */
@ApplicationScoped
public class InFlightTasks {

    /** Beyond the commit interval: the commit's own round trip to the broker. */
    private static final Duration COMMIT_MARGIN = Duration.ofMillis(500);

    private final Duration drainTimeout;
    private final Duration commitInterval;
    private int inFlight;
    private boolean draining;

    InFlightTasks(ShutdownConfig config,
                  @ConfigProperty(name = "mp.messaging.incoming.prompts.auto.commit.interval.ms", defaultValue = "5000")
                  long commitIntervalMillis) {
        this.drainTimeout = config.drainTimeout();
        this.commitInterval = Duration.ofMillis(commitIntervalMillis);
    }

    /** Whether a task may start its model call; false once draining. A started task must be {@link #finishing}. */
    public synchronized boolean admit() {
        if (draining) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** Counts the task finished once its acknowledgement (or dead-lettering) completes. */
    public CompletionStage<Void> finishing(CompletionStage<Void> acknowledgement) {
        return acknowledgement.whenComplete((done, failure) -> finished());
    }

    /** For a task that ends without an acknowledgement, e.g. a call cancelled by the shutdown itself. */
    public synchronized void finished() {
        inFlight--;
        notifyAll();
    }

    /** Before the messaging connectors close: they commit the offsets of what is acknowledged by then. */
    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) throws InterruptedException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (this) {
            draining = true;
            Log.infof("shutting down: draining %d task(s) in flight, at most %s", inFlight, drainTimeout);
            for (long left = deadline - System.nanoTime(); inFlight > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            if (inFlight > 0) {
                Log.warnf("drain timeout: %d task(s) still in flight will be answered again after a restart", inFlight);
            } else {
                Log.info("drained: every started task is acknowledged");
            }
        }
        Thread.sleep(commitInterval.plus(COMMIT_MARGIN).toMillis());
        Log.info("drained: the acknowledged offsets are committed");
    }
}
