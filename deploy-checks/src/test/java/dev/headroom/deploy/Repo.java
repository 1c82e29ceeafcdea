package dev.headroom.deploy;

import dev.headroom.localstack.HeadroomHome;

import java.nio.file.Path;

/** The deployment files these checks read, by their place in the repository. */
final class Repo {

    static final Path HOME = HeadroomHome.resolve();
    static final Path COMPOSE = HOME.resolve("docker-compose.yml");
    static final Path CHART = HOME.resolve("deploy/helm/headroom");
    static final Path CHART_EXAMPLES = HOME.resolve("deploy/helm/examples");
    static final Path DASHBOARDS = CHART.resolve("files/dashboards");
    static final Path RULES = CHART.resolve("files/prometheus/rules.yml");
    static final Path PROMETHEUS_CONFIG = HOME.resolve("deploy/prometheus/prometheus.yml");
    static final Path RULES_TEST = HOME.resolve("deploy/prometheus/rules-test.yml");
    static final Path GRAFANA_DATASOURCES = HOME.resolve("deploy/grafana/provisioning/datasources/headroom.yml");
    static final Path METRICS_DOC = HOME.resolve("docs/metrics.md");
    static final Path NODE_CHECKS = HOME.resolve("deploy-checks/src/test/node");

    private Repo() {
    }
}
