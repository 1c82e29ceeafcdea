package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.report.Numbers;
import dev.headroom.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance of the report: the demo's run on the four services, its report rendered by headless Chromium (Debian
 * package chromium); every chart has drawn and the page's numbers are the REST API's. Leaves the screenshot in
 * target/report-in-browser/report.png (docs/report.png is a copy).
 */
class ReportInBrowserTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final Path OUT = HOME.resolve("cli/target/report-in-browser");
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    private static LocalStack stack;
    private static HeadroomClient client;
    private static String runId;
    private static Path html;

    @BeforeAll
    static void runTheDemoAndWriteItsReport() throws IOException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-report-"),
                new LocalStack.Options(DemoCommand.MODELS, Map.of()), infrastructure.broker(),
                infrastructure.database(), System.out);
        client = stack.client();
        runId = client.submit(new RunSpec(null, "mmlu-sample", "test", List.of(), null,
                DemoCommand.VARIANTS.stream().map(VariantPresets::named).toList(), DemoCommand.MODELS));
        RunProgress.await(client, runId, Instant.now().plusSeconds(300), System.out, false);
        html = ReportFiles.write(client, runId, OUT).get(0);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyChartDrawsInChromium() throws Exception {
        String dom = chromium("--dump-dom", html.toUri().toString());
        Matcher charts = Pattern.compile("<svg class=\"chart\" id=\"([^\"]+)\".*?</svg>", Pattern.DOTALL).matcher(dom);
        List<String> drawn = new ArrayList<>();
        while (charts.find()) {
            assertThat(charts.group()).as(charts.group(1)).containsPattern("<(circle|rect) ");
            drawn.add(charts.group(1));
        }
        assertThat(drawn).containsExactly("chart-headline", "chart-spread", "chart-trend-gap", "chart-trend-spread",
                "chart-dimensions", "chart-label-bias");

        Path screenshot = OUT.resolve("report.png");
        Files.deleteIfExists(screenshot);
        chromium("--window-size=1920,3500", "--hide-scrollbars", "--screenshot=" + screenshot,
                html.toUri().toString());
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void numbersInThePageAreTheRestApis() throws Exception {
        String dom = chromium("--dump-dom", html.toUri().toString());
        RunSummary summary = client.summary(runId);
        assertThat(summary.rows()).hasSize(DemoCommand.MODELS.size() * DemoCommand.VARIANTS.size());
        for (RunSummary.Row row : summary.rows()) {
            String keys = "data-model=\"" + row.model() + "\" data-variant=\"" + row.variantId() + "\" data-stat=\"";
            assertThat(dom).contains(keys + "items\">" + row.items() + "<", keys + "correct\">" + row.correct() + "<",
                    keys + "unparsed\">" + row.unparsed() + "<", keys + "accuracy\">" + Numbers.number(row.accuracy()) + "<");
        }
        JsonNode models = client.statistics(runId).get("models");
        assertThat(models.size()).isEqualTo(DemoCommand.MODELS.size());
        models.fields().forEachRemaining(model -> {
            List<JsonNode> reports = new ArrayList<>(List.of(model.getValue().get("overall")));
            model.getValue().get("bySubject").forEach(reports::add);
            for (JsonNode report : reports) {
                for (String statistic : List.of("plain", "heldOutBest", "maxP", "majorityVote", "spread",
                        "elicitationGap")) {
                    JsonNode value = report.get(statistic);
                    String expected = value.isNull() ? Numbers.ABSENT : Numbers.number(value.get("estimate").asDouble())
                            + " <span class=\"ci\">[" + Numbers.number(value.get("low").asDouble()) + ", "
                            + Numbers.number(value.get("high").asDouble()) + "]";
                    assertThat(dom).contains("data-model=\"" + model.getKey() + "\" data-stat=\"" + statistic
                            + "\" data-scope=\"" + report.get("scope").asText() + "\">" + expected);
                }
            }
        });
    }

    /** Runs headless Chromium with a fresh profile and returns what it printed. */
    private static String chromium(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("chromium"));
        command.addAll(CHROMIUM_FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory("headroom-chromium-"));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile("chromium-", ".out");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            throw new AssertionError("chromium is not on the PATH: apt-get install chromium", notInstalled);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium's exit code").isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
