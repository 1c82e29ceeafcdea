package dev.headroom.cli;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.Latency;
import dev.headroom.simserver.SimServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** A run while every service is killed (-9) and restarted at random and the broker restarted: nothing lost or doubled. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Kills (-9) and restarts every service at random moments and restarts the broker during a run; "
                + "checks every task has exactly one score row and the aggregates equal the rows.")
public class ChaosBench implements Callable<Integer> {

    private static final String MODEL = "sim-7b-base";
    private static final List<Variant> VARIANTS = List.of(VariantPresets.named("plain"),
            VariantPresets.named("numbers-reversed"), VariantPresets.named("lower-shuffled"),
            VariantPresets.named("roman-shift1"));

    @Mixin
    MmluOption mmlu;

    @Option(names = "--tasks", defaultValue = "20000", description = "Tasks: a quarter as many items, four variants (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--replicas", defaultValue = "2", description = "Worker replicas of the model (default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--kill-every", defaultValue = "20", description = "Mean SECONDS between kills (default ${DEFAULT-VALUE}).")
    long killEverySeconds;

    @Option(names = "--latency-ms", defaultValue = "20", description = "Median model latency, log-normal (default ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kills' order and moments (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "3600", description = "Give up after SECONDS (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path home = HeadroomHome.resolve();
        Path data = mmlu.data(home);
        SimServerConfig server = SimServerConfig.plain(Duration.ofMillis(latencyMillis))
                .withLatency(new Latency(Duration.ofMillis(latencyMillis), 0.5));
        RunSpec spec = new RunSpec(null, "mmlu", "test", List.of(), tasks / VARIANTS.size(), VARIANTS, List.of(MODEL));
        List<Item> items = RunPlanner.select(new MmluLoader(data, "mmlu").items("test", Set.of()), spec.limit());
        Path workDir = Files.createTempDirectory("headroom-chaos-");
        ChaosRun.Report report;
        try (LocalStack stack = LocalStack.start(home, workDir, new LocalStack.Options(List.of(MODEL), Map.of("mmlu", data),
                server, replicas, List.of("-Dheadroom.worker.max-concurrency=32")), out)) {
            report = ChaosRun.run(stack, spec, runId -> expectedIds(runId, items, VARIANTS, MODEL),
                    Duration.ofSeconds(killEverySeconds), 0, seed, Duration.ofSeconds(timeoutSeconds), out);
        }
        report.print(out);
        DemoCommand.deleteRecursively(workDir);
        return report.lost() == 0 && report.duplicated() == 0 && report.unexpected() == 0
                && report.aggregateMismatches() == 0 && report.complete() ? 0 : 1;
    }

    /** The stamp of every task the run must produce: its deterministic id. */
    static Set<String> expectedIds(String runId, List<Item> items, List<Variant> variants, String model) {
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            for (Variant variant : variants) {
                ids.add(TaskHeader.taskId(runId, model, item.id(), variant.id()));
            }
        }
        return ids;
    }
}
