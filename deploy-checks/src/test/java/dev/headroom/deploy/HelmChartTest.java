package dev.headroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Helm chart, linted and rendered by Helm itself (helm-java), its manifests checked against their schemas. */
class HelmChartTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RELEASE = "eval";

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(Repo.CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    /** kubernetes-models' JSON schemas of the Kubernetes API, KEDA and the Prometheus operator, run by node offline. */
    @ParameterizedTest
    @ValueSource(strings = {"", "vllm.yaml", "ollama.yaml", "openai.yaml"})
    void everyRenderedManifestMatchesItsSchema(String example) {
        Tool.requirePresent(Files.isDirectory(Repo.NODE_CHECKS.resolve("node_modules")),
                "the schema packages are not installed (cd " + Repo.NODE_CHECKS + " && npm ci)");
        String manifests = render(example.isEmpty() ? UnaryOperator.identity()
                : command -> command.withValuesFile(Repo.CHART_EXAMPLES.resolve(example)).set("apiKeys.openai", "test-key"));

        Tool.Result result = Tool.NODE.runWithInput(manifests, Repo.NODE_CHECKS.resolve("validate-manifests.mjs").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("valid keda.sh/v1alpha1 ScaledObject", "valid monitoring.coreos.com/v1 ServiceMonitor");
    }

    @Test
    void eachWorkerGetsADeploymentAndAScaledObjectOnItsConsumerGroupLag() {
        List<JsonNode> manifests = parse(render(command -> command.withValuesFile(Repo.CHART_EXAMPLES.resolve("vllm.yaml"))
                .set("kafka.promptPartitions", 6)));

        JsonNode deployment = only(manifests, "Deployment", "eval-headroom-worker-qwen2-5-7b-instruct");
        assertThat(env(deployment)).containsEntry("HEADROOM_WORKER_MODEL", "qwen2.5-7b-instruct")
                .containsEntry("HEADROOM_WORKER_MAX_CONCURRENCY", "32")
                .containsEntry("HEADROOM_WORKER_OPENAI_SERVED_MODEL", "Qwen/Qwen2.5-7B-Instruct");
        JsonNode scaledObject = only(manifests, "ScaledObject", "eval-headroom-worker-qwen2-5-7b-instruct");
        JsonNode trigger = scaledObject.path("spec").path("triggers").get(0);
        assertThat(scaledObject.path("spec").path("scaleTargetRef").path("name").asText())
                .isEqualTo("eval-headroom-worker-qwen2-5-7b-instruct");
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.path("metadata").path("consumerGroup").asText()).isEqualTo("worker-qwen2.5-7b-instruct");
        assertThat(trigger.path("metadata").path("topic").asText()).isEqualTo("prompts.qwen2.5-7b-instruct");
        // 32 requests in flight per replica, two rounds of them queued per replica (workerDefaults.lagPerSlot)
        assertThat(trigger.path("metadata").path("lagThreshold").asText()).isEqualTo("64");
        assertThat(scaledObject.path("spec").path("maxReplicaCount").asInt()).isEqualTo(4);
        assertThat(kinds(manifests, "ScaledObject")).hasSize(1);
    }

    @Test
    void moreReplicasThanTheTopicHasPartitionsIsRefused() {
        assertThatThrownBy(() -> render(command -> command.withValuesFile(Repo.CHART_EXAMPLES.resolve("vllm.yaml"))
                .set("kafka.promptPartitions", 3)))
                .hasMessageContaining("workers[qwen2.5-7b-instruct].maxReplicas 4 exceeds kafka.promptPartitions 3");
    }

    @Test
    void everyServiceIsProbedOnQuarkusHealthAndHasResources() {
        List<JsonNode> deployments = kinds(parse(render(UnaryOperator.identity())), "Deployment");

        assertThat(deployments).extracting(deployment -> deployment.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder("eval-headroom-aggregator", "eval-headroom-prompt-generator", "eval-headroom-scorer",
                        "eval-headroom-worker-sim-1b-base", "eval-headroom-worker-sim-7b-instruct", "eval-headroom-sim-server");
        for (JsonNode deployment : deployments) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String name = deployment.path("metadata").path("name").asText();
            assertThat(container.path("resources").path("requests").path("memory").asText()).as(name).isNotEmpty();
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(name).isNotEmpty();
            if (!name.endsWith("sim-server")) {
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/ready");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/live");
            }
        }
    }

    @Test
    void credentialsReachThePodsOnlyThroughSecrets() {
        List<JsonNode> manifests = parse(render(command -> command.withValuesFile(Repo.CHART_EXAMPLES.resolve("openai.yaml"))
                .set("apiKeys.openai", "sk-test-key").set("security.token", "test-api-token")));

        JsonNode worker = only(manifests, "Deployment", "eval-headroom-worker-gpt-4o-mini");
        JsonNode apiKey = envEntry(worker, "HEADROOM_API_KEY");
        assertThat(apiKey.path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("eval-headroom-api-keys");
        assertThat(env(worker)).containsEntry("HEADROOM_WORKER_OPENAI_API_KEY_ENV", "HEADROOM_API_KEY");
        // the worker too: its schema holds the completions already paid for
        for (JsonNode service : List.of(only(manifests, "Deployment", "eval-headroom-aggregator"), worker)) {
            for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertThat(envEntry(service, credential).path("valueFrom").path("secretKeyRef").path("name").asText())
                        .isEqualTo("eval-headroom-db");
            }
        }
        assertThat(env(worker)).containsKey("QUARKUS_DATASOURCE_JDBC_URL");
        JsonNode generator = only(manifests, "Deployment", "eval-headroom-prompt-generator");
        assertThat(envEntry(generator, "HEADROOM_SECURITY_TOKEN").path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("eval-headroom-api-token");
        assertThat(only(manifests, "Secret", "eval-headroom-api-token").path("stringData").path("token").asText())
                .isEqualTo("test-api-token");
        for (JsonNode manifest : manifests) {
            if (!manifest.path("kind").asText().equals("Secret")) {
                assertThat(manifest.toString()).as(manifest.path("metadata").path("name").asText())
                        .doesNotContain("sk-test-key", "change-me", "test-api-token");
            }
        }
    }

    @Test
    void aMigrationSecretLetsFlywayMigrateAsTheOwnerWhileTheServicesUseTheirOwnRole() {
        List<JsonNode> manifests = parse(render(command -> command.set("database.migrationSecret", "headroom-owner")));

        JsonNode aggregator = only(manifests, "Deployment", "eval-headroom-aggregator");
        for (String credential : List.of("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")) {
            assertThat(envEntry(aggregator, credential).path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("headroom-owner");
        }
        assertThat(env(only(parse(render(UnaryOperator.identity())), "Deployment", "eval-headroom-aggregator")))
                .doesNotContainKey("QUARKUS_FLYWAY_USERNAME");
    }

    @Test
    void monitoringShipsTheRepositoryDashboardsAndAlertRules() throws IOException {
        List<JsonNode> manifests = parse(render(UnaryOperator.identity()));

        JsonNode dashboards = only(manifests, "ConfigMap", "eval-headroom-dashboards");
        assertThat(dashboards.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        try (Stream<Path> files = Files.list(Repo.DASHBOARDS)) {
            for (Path file : files.toList()) {
                assertThat(dashboards.path("data").path(file.getFileName().toString()).asText()).isEqualTo(Files.readString(file));
            }
        }
        JsonNode rule = only(manifests, "PrometheusRule", "eval-headroom");
        assertThat(rule.path("spec")).isEqualTo(YAML.readTree(Repo.RULES.toFile()));
        JsonNode serviceMonitor = only(manifests, "ServiceMonitor", "eval-headroom");
        assertThat(serviceMonitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/q/metrics");
        assertThat(kinds(manifests, "Service")).filteredOn(service -> service.path("metadata").path("labels")
                .path("headroom.dev/metrics").asText().equals("true")).hasSize(5);
    }

    private static String render(UnaryOperator<TemplateCommand> options) {
        return options.apply(new Helm(Repo.CHART).template().withName(RELEASE)).call();
    }

    private static List<JsonNode> parse(String manifests) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(manifests).forEachRemaining(document -> {
                if (document instanceof ObjectNode) {
                    documents.add((JsonNode) document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> kinds(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(manifest -> manifest.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode only(List<JsonNode> manifests, String kind, String name) {
        List<JsonNode> matching = kinds(manifests, kind).stream()
                .filter(manifest -> manifest.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(matching).as(kind + " " + name).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, String> env(JsonNode deployment) {
        Map<String, String> values = new java.util.TreeMap<>();
        container(deployment).path("env").forEach(entry -> values.put(entry.path("name").asText(), entry.path("value").asText()));
        return values;
    }

    private static JsonNode envEntry(JsonNode deployment, String name) {
        for (JsonNode entry : container(deployment).path("env")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError(name + " not in the environment of " + deployment.path("metadata").path("name"));
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }
}
