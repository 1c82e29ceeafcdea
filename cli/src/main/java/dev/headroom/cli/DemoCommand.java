package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runs a small evaluation end to end on the embedded stack and prints what it measured. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Kafka, PostgreSQL, the sim server and the four services locally, run a demo evaluation "
                + "with two sim models (simulated, not real models, asked over the OpenAI-compatible HTTP API) under two "
                + "prompt variants, write its report, print the summary, stop everything.")
public class DemoCommand implements Callable<Integer> {

    static final List<String> MODELS = List.of("sim-1b-base", "sim-7b-instruct");
    static final List<String> VARIANTS = List.of("plain", "numbers-reversed");

    @Option(names = "--mmlu", paramLabel = "DIR",
            description = "Run real MMLU from DIR/{dev,val,test}/*.csv instead of the bundled sample.")
    Path mmlu;

    @Option(names = "--items", paramLabel = "N", defaultValue = "1000",
            description = "With --mmlu: how many test items, a fixed sample across subjects (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "Also write the summary and every model's statistics and trends (docs/statistics.md) as JSON.")
    Path summaryJson;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "headroom-report",
            description = "Where to write the run's report, RUN.html and RUN.md (default ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Give up when the run is not complete after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Instant begin = Instant.now();
        if (mmlu != null && !Files.isDirectory(mmlu.resolve("test"))) {
            throw new IllegalArgumentException("--mmlu " + mmlu + ": no test/ directory there");
        }
        Path workDir = Files.createTempDirectory("headroom-demo-");
        Map<String, Path> benchmarks = mmlu == null ? Map.of() : Map.of("mmlu", mmlu);
        out.println("headroom demo: starting the local stack in " + workDir);
        try (LocalStack stack = LocalStack.start(HeadroomHome.resolve(), workDir,
                new LocalStack.Options(MODELS, benchmarks), out)) {
            RunSpec spec = new RunSpec(null, mmlu == null ? "mmlu-sample" : "mmlu", "test", List.of(),
                    mmlu == null ? null : items, VARIANTS.stream().map(VariantPresets::named).toList(), MODELS);
            HeadroomClient client = stack.client();
            Instant submittedAt = Instant.now();
            String runId = client.submit(spec);
            out.println("submitted run " + runId + " (sim models are simulated, not real models)");
            JsonNode status = RunProgress.await(client, runId, submittedAt.plusSeconds(timeoutSeconds), out,
                    System.console() != null);
            RunSummary summary = client.summary(runId);
            List<Path> report = ReportFiles.write(client, runId, reportDir);
            out.println();
            out.println("report: " + report.get(0) + " (and " + report.get(1).getFileName() + ")");
            SummaryTable.print(summary, out);
            out.printf("%nrun %s: %d tasks scored in %.1f s (whole demo so far %.1f s)%n", runId,
                    status.get("scoredTasks").asLong(), Duration.between(submittedAt, Instant.now()).toMillis() / 1000.0,
                    Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            if (summaryJson != null) {
                writeJson(summaryJson, runId, status, summary, client);
                out.println("summary written to " + summaryJson);
            }
        }
        deleteRecursively(workDir);
        return 0;
    }

    private static void writeJson(Path file, String runId, JsonNode status, RunSummary summary, HeadroomClient client)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("runId", runId);
        document.put("spec", status.get("spec"));
        document.put("note", "sim-* models are simulated (Headroom's documented sim family), not real models");
        document.put("summary", summary.rows());
        document.put("statistics", client.statistics(runId).get("models"));
        document.put("trends", client.trends(runId).get("trends"));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
