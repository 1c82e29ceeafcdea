package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.FaultPlan;
import dev.headroom.simserver.Latency;
import dev.headroom.simserver.SimServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A run against a sim server that injects every kind of fault: when it is complete, every task must be scored or
 * dead-lettered with its reason, and none lost. Counts come from Postgres.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "A run against a faulty sim server; reports scored, dead-lettered (by reason) and lost tasks.")
public class FaultBench implements Callable<Integer> {

    private static final String MODEL = "sim-7b-base";
    private static final List<Variant> VARIANTS = List.of(VariantPresets.named("plain"), VariantPresets.named("numbers-reversed"));

    @Mixin
    MmluOption mmlu;

    @Option(names = "--tasks", defaultValue = "2000", description = "Tasks: half as many items, two variants (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--faults", defaultValue = "0.2", description = "Total fault rate, every kind alike (default ${DEFAULT-VALUE}).")
    double faults;

    @Option(names = "--latency-ms", defaultValue = "100", description = "Median latency, log-normal (default ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--worker-property", paramLabel = "KEY=VALUE",
            description = "A worker setting, e.g. headroom.worker.retry.max-attempts=3; repeatable.")
    Map<String, String> workerProperties = Map.of();

    @Option(names = "--timeout", defaultValue = "1800", description = "Give up after SECONDS (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path home = HeadroomHome.resolve();
        Path data = mmlu.data(home);
        SimServerConfig server = SimServerConfig.plain(Duration.ofMillis(latencyMillis))
                .withLatency(new Latency(Duration.ofMillis(latencyMillis), 0.5))
                .withFaults(FaultPlan.everyKind(faults), Duration.ofSeconds(15));
        List<String> properties = new ArrayList<>();
        workerProperties.forEach((key, value) -> properties.add("-D" + key + "=" + value));
        Path workDir = Files.createTempDirectory("headroom-faults-");
        try (LocalStack stack = LocalStack.start(home, workDir,
                new LocalStack.Options(List.of(MODEL), Map.of("mmlu", data), server, 1, properties), out)) {
            RunSpec spec = new RunSpec(null, "mmlu", "test", List.of(), tasks / VARIANTS.size(), VARIANTS, List.of(MODEL));
            Instant begin = Instant.now();
            String runId = stack.client().submit(spec);
            JsonNode status = stack.client().status(runId);
            Instant deadline = begin.plusSeconds(timeoutSeconds);
            while (!status.get("complete").asBoolean() && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                status = stack.client().status(runId);
            }
            long expected = status.get("expectedTasks").asLong();
            long scored = count(stack, "SELECT count(*) FROM aggregator.scores WHERE run_id = '" + runId + "'");
            long deadLettered = count(stack, "SELECT count(DISTINCT task_id) FROM aggregator.dead_letters WHERE run_id = '" + runId
                    + "' AND task_id NOT IN (SELECT task_id FROM aggregator.scores)");
            out.printf("run %s, %d tasks, %.0f%% faults of every kind, %s: complete=%s after %.0f s%n", runId, expected,
                    faults * 100, properties, status.get("complete").asBoolean(),
                    Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            out.printf("scored %d, dead-lettered %d, lost %d (from Postgres)%n", scored, deadLettered,
                    expected - scored - deadLettered);
            StackDatabase.column(stack, "SELECT count(*) || ' × ' || split_part(reason, ':', 1) FROM aggregator.dead_letters"
                    + " WHERE run_id = '" + runId + "' GROUP BY split_part(reason, ':', 1) ORDER BY count(*) DESC")
                    .forEach(line -> out.println("  " + line));
            out.println("faults injected: " + stack.simServer().stats().faults() + ", requests "
                    + stack.simServer().stats().requests());
        }
        DemoCommand.deleteRecursively(workDir);
        return 0;
    }

    private static long count(LocalStack stack, String sql) throws Exception {
        return Long.parseLong(StackDatabase.column(stack, sql).get(0));
    }
}
