package dev.headroom.cli;

import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.simserver.SimServerStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Whether the workers keep a model server fully busy: the sim server with a fixed latency and a concurrency cap
 * (a limit of cap / latency requests per second), 1, 2, 4 worker replicas of one model in one consumer group, each
 * with an equal share of the cap as its concurrency. Reports the answered rate over the middle 80% of the run
 * against the limit, and the most requests the server ever saw in service and open at once.
 */
@Command(name = "saturation", mixinStandardHelpOptions = true,
        description = "Model-server saturation: worker replicas against the sim server's concurrency cap.")
public class SaturationBench implements Callable<Integer> {

    private static final String MODEL = "sim-7b-base";

    @Mixin
    MmluOption mmlu;

    @Option(names = "--items", defaultValue = "14042", description = "Test items, one task each (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--warmup-items", defaultValue = "8000",
            description = "Tasks of a warm-up run before the measured one, so that every JVM has compiled its hot paths "
                    + "(0 measures cold JVMs; default ${DEFAULT-VALUE}).")
    int warmupItems;

    @Option(names = "--replicas", split = ",", defaultValue = "1,2,4", description = "Replica counts to measure (default ${DEFAULT-VALUE}).")
    List<Integer> replicaCounts;

    @Option(names = "--cap", defaultValue = "64", description = "The sim server's concurrency cap (default ${DEFAULT-VALUE}).")
    int cap;

    @Option(names = "--latency-ms", defaultValue = "200", description = "The sim server's fixed latency (default ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--overflow", defaultValue = "QUEUE", description = "QUEUE or REJECT beyond the cap (default ${DEFAULT-VALUE}).")
    SimServerConfig.Overflow overflow;

    @Option(names = "--concurrency", description = "Concurrency per replica (default: cap / replicas).")
    Integer concurrency;

    @Option(names = "--worker-jvm-option", paramLabel = "OPTION",
            description = "A JVM option of every worker, e.g. -XX:StartFlightRecording=filename=worker.jfr or "
                    + "-Dheadroom.worker.spare-tasks=0; repeatable.")
    List<String> workerJvmOptions = List.of();

    @Override
    public Integer call() throws Exception {
        measure(System.out);
        return 0;
    }

    /** The server's limit: cap / latency requests per second. */
    double limit() {
        return cap * 1000.0 / latencyMillis;
    }

    /**
     * One replica count's measurement.
     *
     * @param rate answered requests per second over the middle 80% of the run
     */
    record Row(int replicas, int concurrency, double rate, double meanInService, long peakInService, long peakOpen,
               long rejectedAtCap) {
    }

    /** A local stack per replica count, one after the other; a line per replica count goes to {@code out}. */
    List<Row> measure(PrintStream out) throws Exception {
        Path home = HeadroomHome.resolve();
        Path data = mmlu.data(home);
        double limit = limit();
        out.printf("sim server: %d ms fixed latency, cap %d (%s beyond it): a limit of %.0f requests/s%n", latencyMillis,
                cap, overflow, limit);
        List<Row> rows = new ArrayList<>();
        for (int replicas : replicaCounts) {
            int perReplica = concurrency != null ? concurrency : Math.max(1, cap / replicas);
            SimServerConfig server = SimServerConfig.plain(Duration.ofMillis(latencyMillis)).withCap(cap, overflow);
            Path workDir = Files.createTempDirectory("headroom-saturation-");
            List<String> workerOptions = new ArrayList<>(List.of("-Dheadroom.worker.max-concurrency=" + perReplica));
            workerOptions.addAll(workerJvmOptions);
            try (LocalStack stack = LocalStack.start(home, workDir, new LocalStack.Options(List.of(MODEL),
                    Map.of("mmlu", data), server, replicas, workerOptions), out)) {
                long answeredBefore = 0;
                if (warmupItems > 0) {
                    stack.client().submit(spec("saturation-warmup", warmupItems));
                    answeredBefore = awaitAnswered(stack, warmupItems, timeout(warmupItems, limit));
                }
                String runId = stack.client().submit(spec(null, items));
                Window window = measure(stack, answeredBefore, items, timeout(items, limit));
                SimServerStats.Snapshot stats = stack.simServer().stats();
                out.printf("replicas %d × concurrency %d: %.1f answered/s over the middle 80%% (%.1f%% of the limit), "
                                + "mean in service %.1f; peak in service %d, peak open %d, 429 at the cap %d; run %s%n",
                        replicas, perReplica, window.rate(), 100 * window.rate() / limit, window.meanInService(),
                        stats.peakInService(), stats.peakOpen(), stats.rejectedAtCap(), runId);
                rows.add(new Row(replicas, perReplica, window.rate(), window.meanInService(), stats.peakInService(),
                        stats.peakOpen(), stats.rejectedAtCap()));
            }
            DemoCommand.deleteRecursively(workDir);
        }
        return rows;
    }

    private static RunSpec spec(String runId, int items) {
        return new RunSpec(runId, "mmlu", "test", List.of(), items, List.of(VariantPresets.named("plain")), List.of(MODEL));
    }

    private static Duration timeout(int tasks, double limit) {
        return Duration.ofSeconds(tasks / Math.max(1, (long) limit) * 4 + 120);
    }

    /** Waits until the sim server has answered {@code tasks} requests in all, and returns how many it has answered. */
    private static long awaitAnswered(LocalStack stack, long tasks, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            long answered = stack.simServer().stats().answered();
            if (answered >= tasks) {
                return answered;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the warm-up run did not finish within " + timeout.toSeconds() + " s");
    }

    /**
     * @param rate          answered requests per second between 10% and 90% of the tasks
     * @param meanInService requests in service, sampled every 20 ms over the same window: at the cap, the workers
     *                      kept the server full, and any shortfall of the rate is the server's own
     */
    record Window(double rate, double meanInService) {
    }

    private static Window measure(LocalStack stack, long answeredBefore, int tasks, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long startCount = answeredBefore + Math.round(tasks * 0.1);
        long endCount = answeredBefore + Math.round(tasks * 0.9);
        long startNanos = -1;
        long startAnswered = 0;
        long inServiceSum = 0;
        long samples = 0;
        while (System.nanoTime() - deadline < 0) {
            SimServerStats.Snapshot stats = stack.simServer().stats();
            long now = System.nanoTime();
            if (startNanos < 0 && stats.answered() >= startCount) {
                startNanos = now;
                startAnswered = stats.answered();
            }
            if (startNanos >= 0) {
                inServiceSum += stats.inService();
                samples++;
            }
            if (startNanos >= 0 && stats.answered() >= endCount) {
                return new Window((stats.answered() - startAnswered) / ((now - startNanos) / 1e9),
                        (double) inServiceSum / samples);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the run did not reach 90% of its tasks within " + timeout.toSeconds() + " s");
    }
}
