package dev.headroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Grafana cannot run here: the dashboards' JSON is checked for what Grafana needs to load and fill every panel. */
class DashboardsTest {

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "table", "stat", "barchart", "bargauge", "xychart");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__range", "__interval");
    private static final String MIXED = "-- Mixed --";

    @Test
    void theThreeDashboardsOfTheIssueAreThere() {
        assertThat(Dashboard.all()).extracting(dashboard -> dashboard.json().path("title").asText())
                .containsExactly("Headroom / Elicitation", "Headroom / Operations", "Headroom / Variants");
    }

    @Test
    void everyPanelIsPlacedOnTheGridAndQueriesAKnownDataSource() {
        Set<String> uids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Dashboard dashboard : Dashboard.all()) {
            assertThat(uids.add(dashboard.uid())).as("dashboard uid " + dashboard.uid() + " unique").isTrue();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.panels()) {
                String where = dashboard.uid() + " / " + panel.path("title").asText();
                JsonNode grid = panel.path("gridPos");
                if (!ids.add(panel.path("id").asInt(-1)) || panel.path("id").asInt(-1) < 1) {
                    problems.add(where + ": id missing or repeated");
                }
                if (!PANEL_TYPES.contains(panel.path("type").asText())) {
                    problems.add(where + ": unknown panel type " + panel.path("type"));
                }
                if (grid.path("w").asInt() < 1 || grid.path("h").asInt() < 1 || grid.path("x").asInt() + grid.path("w").asInt() > 24) {
                    problems.add(where + ": gridPos outside the 24 columns: " + grid);
                }
                String panelSource = panel.path("datasource").path("uid").asText();
                Set<String> refIds = new HashSet<>();
                if (panel.path("targets").isEmpty()) {
                    problems.add(where + ": no query");
                }
                for (JsonNode target : panel.path("targets")) {
                    String source = target.path("datasource").path("uid").asText();
                    if (!Set.of(Dashboard.PROMETHEUS_UID, Dashboard.POSTGRES_UID).contains(source)) {
                        problems.add(where + ": target " + target.path("refId") + " names data source " + source);
                    }
                    if (!panelSource.equals(MIXED) && !panelSource.equals(source)) {
                        problems.add(where + ": target on " + source + " in a panel on " + panelSource);
                    }
                    if (!refIds.add(target.path("refId").asText())) {
                        problems.add(where + ": refId " + target.path("refId") + " repeated");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableAQueryUsesIsDefinedOnItsDashboard() {
        List<String> problems = new ArrayList<>();
        for (Dashboard dashboard : Dashboard.all()) {
            Set<String> defined = new HashSet<>(GRAFANA_VARIABLES);
            dashboard.variables().forEach(variable -> defined.add(variable.path("name").asText()));
            for (Dashboard.Query query : dashboard.queries()) {
                for (String name : Dashboard.variablesIn(query.text())) {
                    if (!defined.contains(name)) {
                        problems.add(query.where() + ": $" + name + " is not defined");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void composeGrafanaProvisionsTheDataSourcesTheDashboardsName() throws IOException {
        JsonNode provisioning = new ObjectMapper(new YAMLFactory()).readTree(Repo.GRAFANA_DATASOURCES.toFile());
        List<String> uids = new ArrayList<>();
        provisioning.path("datasources").forEach(source -> uids.add(source.path("uid").asText()));

        assertThat(uids).containsExactlyInAnyOrder(Dashboard.PROMETHEUS_UID, Dashboard.POSTGRES_UID);
    }
}
