package dev.headroom.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus configuration, the alert rules and every PromQL expression of the dashboards, checked by promtool. */
class PrometheusRulesTest {

    private static final Pattern METRIC = Pattern.compile("\\b(?:headroom|kafka)_\\w+");
    private static final Pattern HISTOGRAM_SERIES = Pattern.compile("_(?:bucket|sum|count)$");

    @Test
    void composePrometheusConfigurationIsValid() {
        Tool.Result result = Tool.PROMTOOL.run("check", "config", Repo.PROMETHEUS_CONFIG.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void alertRulesAreValid() {
        Tool.Result result = Tool.PROMTOOL.run("check", "rules", Repo.RULES.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 5 rules found");
    }

    @Test
    void eachAlertFiresOnTheSeriesItIsForAndNotOnHealthyOnes() {
        Tool.Result result = Tool.PROMTOOL.run("test", "rules", Repo.RULES_TEST.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** promtool parses every expression when it checks them as recording rules, each named after its panel. */
    @Test
    void everyDashboardExpressionParses() throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int index = 0;
        for (Dashboard.Query query : Dashboard.allQueries()) {
            if (query.language() == Dashboard.Language.PROMQL) {
                String expression = Dashboard.interpolate(query.text(), Dashboard.promqlValues("1m"));
                rules.append("      # ").append(query.where()).append('\n')
                        .append("      - record: dashboard_query_").append(index++).append('\n')
                        .append("        expr: '").append(expression.replace("'", "''")).append("'\n");
            }
        }
        Path file = Files.createTempFile("dashboard-queries-", ".yml");
        Files.writeString(file, rules);

        Tool.Result result = Tool.PROMTOOL.run("check", "rules", file.toString());

        assertThat(result.exitCode()).as(result.output() + "\n" + rules).isZero();
        assertThat(result.output()).contains("SUCCESS: " + index + " rules found");
    }

    /** Dashboards and rules use only the series docs/metrics.md lists, so a renamed metric cannot slip by. */
    @Test
    void dashboardsAndRulesUseOnlyDocumentedMetrics() throws IOException {
        Set<String> documented = metricNames(Files.readString(Repo.METRICS_DOC));
        StringBuilder used = new StringBuilder(Files.readString(Repo.RULES));
        Dashboard.allQueries().stream().filter(query -> query.language() == Dashboard.Language.PROMQL)
                .forEach(query -> used.append('\n').append(query.text()));

        Set<String> undocumented = new TreeSet<>();
        for (String name : metricNames(used.toString())) {
            if (!documented.contains(name) && !documented.contains(HISTOGRAM_SERIES.matcher(name).replaceFirst(""))) {
                undocumented.add(name);
            }
        }

        assertThat(undocumented).isEmpty();
    }

    static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
