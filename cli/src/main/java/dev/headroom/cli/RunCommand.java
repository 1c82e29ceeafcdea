package dev.headroom.cli;

import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.SweepSpec;
import dev.headroom.core.run.SweepSpecParser;
import dev.headroom.localstack.HeadroomHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runs a sweep: on the embedded stack, or submitted to a running deployment. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sweep spec (YAML, docs/sweep-spec.md). Without --url: start the embedded stack (Kafka, "
                + "PostgreSQL, the sim server, the four services; sim models only), run it, write the reports, print "
                + "the summary and stop everything. With --url: submit it to that deployment and follow it, or with "
                + "--detach print the run ids and return.")
public class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP.yaml", description = "The sweep spec.")
    Path sweepFile;

    @Mixin
    Deployment deployment;

    @Option(names = "--detach", description = "With --url: submit and return; follow with `headroom status RUN`.")
    boolean detach;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "headroom-report",
            description = "Where to write each run's report (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", paramLabel = "BENCHMARK=DIR",
            description = "Embedded stack: a benchmark's data directory, e.g. mmlu=/data/mmlu (the bundled "
                    + "mmlu-sample needs none).")
    Map<String, Path> data = Map.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "86400",
            description = "Give up when a run is not complete after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        SweepSpec sweep = SweepSpecParser.read(sweepFile);
        PrintStream log = System.out;
        if (deployment.given()) {
            HeadroomClient client = deployment.client();
            List<String> runIds = submit(client, sweep.runSpecs(), log);
            if (detach) {
                runIds.forEach(id -> log.println("follow it with: headroom status " + id + " --url " + deployment.url));
                return 0;
            }
            follow(client, runIds, log);
            return 0;
        }
        if (detach) {
            throw new IllegalArgumentException("--detach needs --url: the embedded stack stops when `headroom run` ends");
        }
        if (sweep.models().contains(RunSpec.EVERY_MODEL)) {
            throw new IllegalArgumentException(sweepFile + ": the embedded stack needs the models named, not '*'");
        }
        Path workDir = Files.createTempDirectory("headroom-run-");
        log.println("headroom run: starting the local stack in " + workDir);
        try (LocalStack stack = LocalStack.start(HeadroomHome.resolve(), workDir,
                new LocalStack.Options(sweep.models(), data), log)) {
            HeadroomClient client = stack.client();
            follow(client, submit(client, sweep.runSpecs(), log), log);
        }
        DemoCommand.deleteRecursively(workDir);
        return 0;
    }

    private static List<String> submit(HeadroomClient client, List<RunSpec> specs, PrintStream log) {
        List<String> runIds = new ArrayList<>();
        for (RunSpec spec : specs) {
            String runId = client.submit(spec);
            log.println("submitted run " + runId + " (" + spec.benchmark() + ")");
            runIds.add(runId);
        }
        return runIds;
    }

    private void follow(HeadroomClient client, List<String> runIds, PrintStream log) throws IOException {
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        for (String runId : runIds) {
            RunProgress.await(client, runId, deadline, log, System.console() != null);
            List<Path> report = ReportFiles.write(client, runId, out);
            log.println("report: " + report.get(0) + " (and " + report.get(1).getFileName() + ")");
            SummaryTable.print(client.summary(runId), log);
        }
    }
}
