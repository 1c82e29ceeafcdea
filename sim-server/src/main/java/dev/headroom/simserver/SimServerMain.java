package dev.headroom.simserver;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the sim server until the process is stopped. */
@Command(name = "sim-server", mixinStandardHelpOptions = true,
        description = "Serves Headroom's sim models (simulated, not real models) over an OpenAI-compatible HTTP API.")
public final class SimServerMain implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port; 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--latency-ms", defaultValue = "200", description = "Median latency (default ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--latency-sigma", defaultValue = "0",
            description = "Log-normal spread of the latency; 0 for a fixed latency (default ${DEFAULT-VALUE}).")
    double latencySigma;

    @Option(names = "--cap", defaultValue = "64", description = "Requests served at once; 0 for no cap (default ${DEFAULT-VALUE}).")
    int cap;

    @Option(names = "--overflow", defaultValue = "QUEUE",
            description = "Beyond the cap: QUEUE (wait for a slot) or REJECT (429) (default ${DEFAULT-VALUE}).")
    SimServerConfig.Overflow overflow;

    @Option(names = "--faults", defaultValue = "0",
            description = "Total fault rate, spread evenly over every kind (default ${DEFAULT-VALUE}).")
    double faults;

    @Option(names = "--fault", paramLabel = "KIND=RATE",
            description = "The rate of one kind of fault, replacing its share of --faults; kinds: rate-limit, "
                    + "server-error, timeout, malformed-json, truncated-json, empty-choices, connection-reset.")
    Map<String, Double> faultRates = Map.of();

    @Option(names = "--retry-after-ms", defaultValue = "1000", description = "Retry-After of every 429 (default ${DEFAULT-VALUE}).")
    long retryAfterMillis;

    @Option(names = "--timeout-hold-ms", defaultValue = "60000",
            description = "How long a timeout fault holds its request before dropping it (default ${DEFAULT-VALUE}).")
    long timeoutHoldMillis;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the latency and fault draws (default ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimServerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<Fault, Double> rates = new EnumMap<>(FaultPlan.everyKind(faults).rates());
        faultRates.forEach((kind, rate) -> rates.put(Fault.fromOption(kind), rate));
        SimServerConfig config = new SimServerConfig(host, port,
                new Latency(Duration.ofMillis(latencyMillis), latencySigma), cap, overflow, new FaultPlan(rates),
                Duration.ofMillis(retryAfterMillis), Duration.ofMillis(timeoutHoldMillis), seed);
        SimServer server = SimServer.start(config);
        System.out.println("sim server (simulated models, not real ones) at " + server.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sim-server-stop"));
        stopped.await();
        return 0;
    }
}
