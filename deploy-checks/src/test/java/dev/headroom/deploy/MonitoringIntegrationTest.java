package dev.headroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.HeadroomClient;
import dev.headroom.cli.LocalStack;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.Ports;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus (Debian's binary) scrapes the four services while they run an evaluation on the real broker and
 * database, with the chart's alert rules loaded; every dashboard query then runs against it and against the services'
 * Postgres schema. Panels a user looks at first must show data.
 */
class MonitoringIntegrationTest {

    private static final List<String> MODELS = List.of("sim-1b-base", "sim-7b-instruct");
    /** The panels that must show data after a run; the rest may rightly be empty (no errors, no dead letters). */
    private static final Set<String> KEY_PANELS = Set.of("Tasks per run and model", "Tasks finished by workers",
            "Scores stored", "Prompt tasks published", "Consumer lag", "Model request latency", "Services up",
            "Workers: in flight and concurrency limit", "Model requests by result", "Retries", "Tokens",
            "Cost over the time range",
            "Plain vs held-out best vs MaxP vs majority vote", "Every statistic", "Accuracy per variant and model",
            "Effect of one dimension", "Spread per model", "Every variant", "Gap against parameter count",
            "variable run", "variable model");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static Process prometheus;
    private static URI prometheusUrl;
    private static String runId;

    @BeforeAll
    static void runAnEvaluationUnderPrometheus() throws Exception {
        Path prometheusBinary = Tool.PROMETHEUS.require();
        Path workDir = Files.createTempDirectory("headroom-monitoring-");
        TestInfrastructure infrastructure = TestInfrastructure.get();
        stack = LocalStack.startServices(Repo.HOME, workDir, new LocalStack.Options(MODELS, Map.of(),
                        SimServerConfig.plain(Duration.ofMillis(20)), 1, List.of("-Dheadroom.worker.card.parameter-count=1e9")),
                infrastructure.broker(), infrastructure.database(), System.out);
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, scrapeConfig());
        int port = Ports.freeLoopbackPort();
        prometheusUrl = URI.create("http://127.0.0.1:" + port);
        prometheus = new ProcessBuilder(prometheusBinary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();

        HeadroomClient client = stack.client();
        runId = client.submit(new RunSpec(null, "mmlu-sample", "test", List.of(), 12,
                List.of(VariantPresets.named("plain"), VariantPresets.named("numbers-reversed")), MODELS));
        await("run " + runId + " complete", Duration.ofSeconds(120), () -> client.status(runId).get("complete").asBoolean());
        await("every target scraped", Duration.ofSeconds(60), () -> {
            JsonNode targets = prometheusApi("/api/v1/targets").path("activeTargets");
            int up = 0;
            for (JsonNode target : targets) {
                up += target.path("health").asText().equals("up") ? 1 : 0;
            }
            return up == targets.size() && up == 5;
        });
        // the aggregator recomputes its per-run gauges every 15 s (headroom.aggregator.metrics.refresh-interval)
        await("the run's statistics scraped", Duration.ofSeconds(60), () -> !prometheusQuery(
                "headroom_elicitation_score{run=\"" + runId + "\"}").path("data").path("result").isEmpty());
        // rates over the 30 s window need two scrapes after the run's work
        Thread.sleep(3_000);
    }

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.destroy();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyDashboardExpressionRunsAndTheKeyPanelsShowTheRun() throws Exception {
        Set<String> exported = new HashSet<>();
        prometheusApi("/api/v1/label/__name__/values").forEach(name -> exported.add(name.asText()));
        List<String> failures = new ArrayList<>();
        int withData = 0;
        for (Dashboard.Query query : Dashboard.allQueries()) {
            if (query.language() != Dashboard.Language.PROMQL) {
                continue;
            }
            String expression = Dashboard.interpolate(query.text(), Dashboard.promqlValues("30s"));
            JsonNode response = prometheusQuery(expression);
            if (!response.path("status").asText().equals("success")) {
                failures.add(query.where() + ": " + response.path("error").asText());
                continue;
            }
            if (!KEY_PANELS.contains(query.panel())) {
                continue;
            }
            Set<String> missing = new HashSet<>(PrometheusRulesTest.metricNames(expression));
            missing.removeAll(exported);
            if (!missing.isEmpty()) {
                failures.add(query.where() + ": not exported: " + String.join(", ", missing));
            } else if (response.path("data").path("result").isEmpty()) {
                failures.add(query.where() + ": no data after a complete run");
            } else {
                withData++;
            }
        }
        System.out.printf("PromQL key panel queries: %d with data%n", withData);

        assertThat(failures).isEmpty();
        assertThat(withData).isPositive();
    }

    @Test
    void everyAlertRuleLoadsAndEvaluatesWithoutError() throws Exception {
        List<String> rules = new ArrayList<>();
        for (JsonNode group : prometheusApi("/api/v1/rules").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(rule.path("name").asText() + " " + rule.path("health").asText() + rule.path("lastError").asText(""));
            }
        }
        assertThat(rules).containsExactlyInAnyOrder("HeadroomRunStalled ok", "HeadroomConsumerLagGrowing ok",
                "HeadroomDeadLettersGrowing ok", "HeadroomModelErrorRate ok", "HeadroomTargetDown ok");
    }

    @Test
    void everyDashboardSqlQueryRunsOnTheServicesSchemaAndTheKeyPanelsShowTheRun() throws SQLException {
        List<String> failures = new ArrayList<>();
        var database = stack.database();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), database.user(), database.password())) {
            for (Dashboard.Query query : Dashboard.allQueries()) {
                if (query.language() != Dashboard.Language.SQL) {
                    continue;
                }
                for (String dimension : dimensions()) {
                    Map<String, String> values = new HashMap<>(Map.of("run", runId, "dimension", dimension));
                    values.put("model", "'" + String.join("','", MODELS) + "'");
                    String sql = Dashboard.interpolate(query.text(), values);
                    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                        if (KEY_PANELS.contains(query.panel()) && !rows.next()) {
                            failures.add(query.where() + " with $dimension=" + dimension + ": no rows after a complete run");
                        }
                    } catch (SQLException e) {
                        failures.add(query.where() + " with $dimension=" + dimension + ": " + e.getMessage());
                    }
                    if (!query.text().contains("$dimension")) {
                        break;
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<String> dimensions() {
        for (Dashboard dashboard : Dashboard.all()) {
            for (JsonNode variable : dashboard.variables()) {
                if (variable.path("name").asText().equals("dimension")) {
                    return List.of(variable.path("query").asText().split(","));
                }
            }
        }
        throw new IllegalStateException("no dashboard defines $dimension");
    }

    /** The services as the compose file's jobs, at the ports the local stack gave them; the chart's alert rules. */
    private static String scrapeConfig() {
        StringBuilder config = new StringBuilder("global: {scrape_interval: 1s, evaluation_interval: 1s}\n")
                .append("rule_files: ['").append(Repo.RULES).append("']\nscrape_configs:\n");
        Map<String, List<String>> jobs = Map.of("prompt-generator", List.of("prompt-generator"), "scorer", List.of("scorer"),
                "aggregator", List.of("aggregator"),
                "inference-worker", MODELS.stream().map(model -> "worker-" + model).toList());
        jobs.forEach((job, services) -> {
            config.append("  - job_name: ").append(job).append("\n    metrics_path: /q/metrics\n    static_configs:\n");
            for (String service : services) {
                config.append("      - targets: ['").append(stack.url(service).getAuthority()).append("']\n");
            }
        });
        return config.toString();
    }

    private static JsonNode prometheusQuery(String expression) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(prometheusUrl.resolve("/api/v1/query?query="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static JsonNode prometheusApi(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(prometheusUrl.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("data");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException notYetAnswering) {
                // Prometheus still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
    }
}
