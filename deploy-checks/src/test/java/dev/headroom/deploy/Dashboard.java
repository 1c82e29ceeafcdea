package dev.headroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One provisioned Grafana dashboard and the queries it holds. */
record Dashboard(Path file, JsonNode json) {

    static final String PROMETHEUS_UID = "prometheus";
    static final String POSTGRES_UID = "headroom-postgres";

    /** A query of a panel or a template variable, with what Grafana would send once its variables are filled in. */
    record Query(String dashboard, String panel, String refId, Language language, String text) {

        String where() {
            return dashboard + " / " + panel + " / " + refId;
        }
    }

    enum Language { PROMQL, SQL }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** $name or ${name}, Grafana's variable syntax; the longest name is taken, so $model does not match $modelX. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    /** A Prometheus variable's query: label_values(label) or label_values(selector, label). */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((?:(.+),\\s*)?(\\w+)\\)");

    static List<Dashboard> all() {
        try (Stream<Path> files = Files.list(Repo.DASHBOARDS)) {
            List<Dashboard> dashboards = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new Dashboard(file, JSON.readTree(file.toFile())));
            }
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Query> allQueries() {
        return all().stream().flatMap(dashboard -> dashboard.queries().stream()).toList();
    }

    String uid() {
        return json.path("uid").asText();
    }

    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        json.path("panels").forEach(panels::add);
        return panels;
    }

    List<JsonNode> variables() {
        List<JsonNode> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    /**
     * Every panel target and every query variable. A label_values variable contributes its selector (when it has
     * one), the part that is PromQL.
     */
    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                String uid = target.path("datasource").path("uid").asText();
                Language language = uid.equals(POSTGRES_UID) ? Language.SQL : Language.PROMQL;
                String text = language == Language.SQL ? target.path("rawSql").asText() : target.path("expr").asText();
                queries.add(new Query(uid(), panel.path("title").asText(), target.path("refId").asText(), language, text));
            }
        }
        for (JsonNode variable : variables()) {
            if (!variable.path("type").asText().equals("query")) {
                continue;
            }
            String uid = variable.path("datasource").path("uid").asText();
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText() : query.asText();
            String where = "variable " + variable.path("name").asText();
            if (uid.equals(POSTGRES_UID)) {
                queries.add(new Query(uid(), where, "query", Language.SQL, text));
            } else {
                Matcher labelValues = LABEL_VALUES.matcher(text);
                if (!labelValues.matches()) {
                    throw new IllegalStateException(file + " " + where + ": not label_values(...): " + text);
                }
                if (labelValues.group(1) != null) {
                    queries.add(new Query(uid(), where, "selector", Language.PROMQL, labelValues.group(1)));
                }
            }
        }
        return queries;
    }

    /** Every variable name a text refers to. */
    static List<String> variablesIn(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return names;
    }

    /** The text with each variable replaced as Grafana would; a variable without a value is an error. */
    static String interpolate(String text, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + name + " in: " + text);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The values Prometheus queries get in these checks: every run and model, Grafana's usual intervals. */
    static Map<String, String> promqlValues(String rateInterval) {
        return Map.of("run", ".*", "model", ".*", "__rate_interval", rateInterval, "__range", "1h", "__interval", "15s");
    }
}
