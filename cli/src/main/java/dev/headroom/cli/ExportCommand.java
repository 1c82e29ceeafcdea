package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Every scored task of a run, one row each, for pandas or R. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every scored task of a run, one row per task with every field the aggregator keeps "
                + "(ids, model, benchmark, subject, item, variant and its dimensions, outcome, chosen and gold option, "
                + "gold probability, labels, presented order, cost, time), as CSV or JSON lines.")
public class ExportCommand implements Callable<Integer> {

    enum Format { csv, jsonl }

    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path file;

    @Mixin
    Deployment deployment;

    @Override
    public Integer call() throws IOException {
        HeadroomClient client = deployment.client();
        PrintStream out = file == null ? System.out
                : new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8);
        try {
            if (format == Format.csv) {
                out.print(client.tasks(runId, "csv"));
            } else {
                ObjectMapper json = new ObjectMapper();
                for (JsonNode task : json.readTree(client.tasks(runId, "json"))) {
                    out.println(json.writeValueAsString(task));
                }
            }
        } finally {
            if (file == null) {
                out.flush();
            } else {
                out.close();
            }
        }
        if (file != null) {
            System.err.println("wrote " + file.toAbsolutePath());
        }
        return 0;
    }
}
