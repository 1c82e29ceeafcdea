package dev.headroom.simserver;

import java.time.Duration;

/**
 * @param port             0 for any free port
 * @param concurrencyCap   requests served at once; 0 for no cap
 * @param overflow         what happens to a request that arrives while the cap is reached
 * @param retryAfter       the Retry-After of every 429, injected or for the cap
 * @param timeoutHold      how long a {@link Fault#TIMEOUT} holds its request before dropping the connection
 * @param seed             seeds the latency and fault draws
 */
public record SimServerConfig(String host, int port, Latency latency, int concurrencyCap, Overflow overflow,
                              FaultPlan faults, Duration retryAfter, Duration timeoutHold, long seed) {

    /** Beyond the concurrency cap, a request waits for a slot in arrival order, or is answered 429 at once. */
    public enum Overflow { QUEUE, REJECT }

    public SimServerConfig {
        if (concurrencyCap < 0) {
            throw new IllegalArgumentException("concurrency cap " + concurrencyCap + " is negative");
        }
    }

    /** No cap, no faults, the given fixed latency, on a free loopback port. */
    public static SimServerConfig plain(Duration latency) {
        return new SimServerConfig("127.0.0.1", 0, Latency.fixed(latency), 0, Overflow.QUEUE, FaultPlan.none(),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 1);
    }

    public SimServerConfig withCap(int cap, Overflow overflowMode) {
        return new SimServerConfig(host, port, latency, cap, overflowMode, faults, retryAfter, timeoutHold, seed);
    }

    public SimServerConfig withFaults(FaultPlan plan, Duration hold) {
        return new SimServerConfig(host, port, latency, concurrencyCap, overflow, plan, retryAfter, hold, seed);
    }

    public SimServerConfig withLatency(Latency newLatency) {
        return new SimServerConfig(host, port, newLatency, concurrencyCap, overflow, faults, retryAfter, timeoutHold, seed);
    }
}
