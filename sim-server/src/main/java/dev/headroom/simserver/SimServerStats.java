package dev.headroom.simserver;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sim server has seen. Counters are advanced on the server's event loop and read from anywhere.
 * "Open" requests have arrived and are not answered yet, queued ones included; "in service" ones hold a slot.
 */
public final class SimServerStats {

    /**
     * @param answered        completions answered 200 with a well-formed body
     * @param rejectedAtCap   429s because the concurrency cap was reached (REJECT overflow)
     * @param peakInService   the most requests ever holding a slot at once: never above the cap
     * @param peakOpen        the most requests ever open at once: what the clients offered
     * @param tasksAnswered   distinct tasks (by the task id of {@code headroom_sim_task}) answered 200 at least once
     * @param repeatedAnswers answers to a task already answered before: model calls a redelivery made again
     */
    public record Snapshot(long requests, long answered, long rejectedAtCap, Map<Fault, Long> faults,
                           int inService, int open, int peakInService, int peakOpen, long tasksAnswered,
                           long repeatedAnswers) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong rejectedAtCap = new AtomicLong();
    private final Map<Fault, AtomicLong> faults = new EnumMap<>(Fault.class);
    private volatile int inService;
    private volatile int open;
    private volatile int peakInService;
    private volatile int peakOpen;
    private final Map<String, Boolean> answeredTasks = new ConcurrentHashMap<>();
    private final AtomicLong repeatedAnswers = new AtomicLong();

    SimServerStats() {
        for (Fault fault : Fault.values()) {
            faults.put(fault, new AtomicLong());
        }
    }

    void arrived() {
        requests.incrementAndGet();
        open++;
        peakOpen = Math.max(peakOpen, open);
    }

    void closed() {
        open--;
    }

    void slotTaken() {
        inService++;
        peakInService = Math.max(peakInService, inService);
    }

    void slotFreed() {
        inService--;
    }

    /** @param taskId the task answered, null for a request without one */
    void answered(String taskId) {
        answered.incrementAndGet();
        if (taskId != null && answeredTasks.put(taskId, Boolean.TRUE) != null) {
            repeatedAnswers.incrementAndGet();
        }
    }

    void rejectedAtCap() {
        rejectedAtCap.incrementAndGet();
    }

    void injected(Fault fault) {
        faults.get(fault).incrementAndGet();
    }

    public Snapshot snapshot() {
        Map<Fault, Long> faultCounts = new EnumMap<>(Fault.class);
        faults.forEach((fault, count) -> faultCounts.put(fault, count.get()));
        return new Snapshot(requests.get(), answered.get(), rejectedAtCap.get(), Map.copyOf(faultCounts), inService,
                open, peakInService, peakOpen, answeredTasks.size(), repeatedAnswers.get());
    }
}
