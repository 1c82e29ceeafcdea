package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.testing.TestInfrastructure;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** status, report, export and models against a running deployment (the four services on the real broker and database). */
class DeploymentCommandsTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final List<String> MODELS = List.of("sim-7b-base");
    private static final int ITEMS = 48;

    private static LocalStack stack;
    private static String runId;

    @BeforeAll
    static void runTheSampleOnTheServices() throws IOException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-commands-"),
                new LocalStack.Options(MODELS, Map.of()), infrastructure.broker(), infrastructure.database(),
                System.out);
        runId = stack.client().submit(new RunSpec("commands-run", "mmlu-sample", "test", List.of(), null,
                List.of(VariantPresets.named("plain"), VariantPresets.named("helm")), MODELS));
        assertThat(headroom("run", HOME.resolve("examples/sweep-demo.yaml").toString(), "--detach", "--url="))
                .isNotZero();  // nothing to detach from without a deployment
        assertThat(headroom("status", runId, "--timeout", "300", "--url", generator(), "--aggregator-url",
                aggregator())).isZero();
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String generator() {
        return stack.url("prompt-generator").toString();
    }

    private static String aggregator() {
        return stack.url("aggregator").toString();
    }

    private static String lastOut;

    /** Runs the command with the deployment's addresses; its standard output lands in {@link #lastOut}. */
    private static int headroom(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return HeadroomCommand.commandLine().setErr(new PrintWriter(new StringWriter())).execute(args);
        } finally {
            System.setOut(original);
            lastOut = out.toString(StandardCharsets.UTF_8);
        }
    }

    private static int onDeployment(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", generator(), "--aggregator-url", aggregator()));
        return headroom(all.toArray(String[]::new));
    }

    @Test
    void runOnADeploymentIsRefusedWithAWrongTokenAndSubmittedWithItsOwn() {
        String sweep = HOME.resolve("examples/sweep-demo.yaml").toString();

        assertThat(onDeployment("run", sweep, "--detach", "--token", "not-the-token")).isNotZero();
        assertThat(onDeployment("run", sweep, "--detach", "--token", stack.token())).isZero();
    }

    @Test
    void statusShowsEveryModelDone() {
        assertThat(onDeployment("status", runId, "--once")).isZero();
        assertThat(lastOut).contains("complete").contains("sim-7b-base [########################] 96 / 96");
    }

    @Test
    void exportWritesOneCsvRowPerTaskWithItsVariantsDimensions() throws IOException {
        Path file = Files.createTempFile("tasks-", ".csv");
        assertThat(onDeployment("export", runId, "--format", "csv", "--out", file.toString())).isZero();

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
        assertThat(rows).hasSize(2 * ITEMS);
        assertThat(rows.get(0).toMap()).containsKeys("task_id", "item_id", "variant_name", "outcome", "chosen_index",
                "gold_index", "labels", "presented_order", "variant_labels");
    }

    @Test
    void exportAsJsonLinesIsOneObjectPerLine() throws IOException {
        assertThat(onDeployment("export", runId, "--format", "jsonl")).isZero();

        List<String> lines = lastOut.lines().toList();
        assertThat(lines).hasSize(2 * ITEMS);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("model").asText()).isEqualTo("sim-7b-base");
        assertThat(first.has("dimensions")).isTrue();
    }

    @Test
    void reportWritesHtmlAndMarkdown() throws IOException {
        Path dir = Files.createTempDirectory("report-");
        assertThat(onDeployment("report", runId, "--out", dir.toString())).isZero();

        assertThat(Files.readString(dir.resolve(runId + ".html"))).contains("<svg class=\"chart\"");
        assertThat(Files.readString(dir.resolve(runId + ".md"))).startsWith("# Headroom report: run `" + runId + "`");
    }

    @Test
    void modelsListsTheWorkersCard() {
        assertThat(onDeployment("models")).isZero();
        assertThat(lastOut).containsPattern("sim-7b-base +openai +sim +7.00B +base");
    }
}
