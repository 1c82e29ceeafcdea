package dev.headroom.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headroom.core.SpecException;
import dev.headroom.core.variant.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.headroom.core.SpecReader.child;
import static dev.headroom.core.SpecReader.index;
import static dev.headroom.core.SpecReader.integer;
import static dev.headroom.core.SpecReader.nonEmptyList;
import static dev.headroom.core.SpecReader.number;
import static dev.headroom.core.SpecReader.object;
import static dev.headroom.core.SpecReader.text;

/** Reads a sweep spec from YAML (docs/sweep-spec.md); every error names the key path and the problem. */
public final class SweepSpecParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SweepSpecParser() {
    }

    /** Relative paths in the spec (template files) are resolved against the spec file's directory. */
    public static SweepSpec read(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file.toString(), "cannot read: " + e.getMessage());
        }
        try {
            return parse(yaml, file.toAbsolutePath().getParent());
        } catch (SpecException e) {
            throw e.within(file.toString());
        }
    }

    public static SweepSpec parse(String yaml, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // SnakeYAML's message quotes the source over several lines: keep its unindented sentences
            String problem = String.join(": ", e.getOriginalMessage().lines()
                    .filter(text -> !text.isBlank() && !Character.isWhitespace(text.charAt(0))).toList());
            throw new SpecException("line " + line, "not valid YAML: " + problem);
        }
        object(root, "", List.of("id", "benchmarks", "models", "variants", "budget"));
        String id = root.has("id") ? text(root.get("id"), "id") : null;
        List<SweepSpec.Slice> benchmarks = new ArrayList<>();
        List<JsonNode> benchmarkNodes = nonEmptyList(root.get("benchmarks"), "benchmarks");
        for (int i = 0; i < benchmarkNodes.size(); i++) {
            benchmarks.add(slice(benchmarkNodes.get(i), index("benchmarks", i)));
        }
        List<String> models = new ArrayList<>();
        Map<String, Budget> budgets = new LinkedHashMap<>();
        if (root.has("budget")) {
            budgets.put(RunSpec.EVERY_MODEL, budget(root.get("budget"), "budget"));
        }
        List<JsonNode> modelNodes = nonEmptyList(root.get("models"), "models");
        for (int i = 0; i < modelNodes.size(); i++) {
            JsonNode model = modelNodes.get(i);
            String path = index("models", i);
            if (model.isTextual()) {
                models.add(text(model, path));
            } else {
                object(model, path, List.of("name", "budget"));
                String name = text(model.get("name"), child(path, "name"));
                models.add(name);
                if (model.has("budget")) {
                    budgets.put(name, budget(model.get("budget"), child(path, "budget")));
                }
            }
        }
        List<Variant> variants = root.has("variants")
                ? VariantSelection.read(root.get("variants"), "variants", baseDir) : List.of(Variant.PLAIN);
        SweepSpec sweep = new SweepSpec(id, benchmarks, models, variants, budgets);
        List<RunSpec> runs = sweep.runSpecs();
        for (int i = 0; i < runs.size(); i++) {
            List<String> problems = runs.get(i).problems();
            if (!problems.isEmpty()) {
                throw new SpecException(index("benchmarks", i), String.join("; ", problems));
            }
        }
        return sweep;
    }

    private static Budget budget(JsonNode node, String path) {
        object(node, path, List.of("maxCalls", "maxCostUsd", "targetIntervalWidth"));
        Budget budget = new Budget(
                node.has("maxCalls") ? integer(node.get("maxCalls"), child(path, "maxCalls")) : null,
                node.has("maxCostUsd") ? number(node.get("maxCostUsd"), child(path, "maxCostUsd")) : null,
                node.has("targetIntervalWidth") ? number(node.get("targetIntervalWidth"), child(path, "targetIntervalWidth")) : null);
        List<String> problems = budget.problems(path);
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            int colon = first.indexOf(": ");
            throw new SpecException(first.substring(0, colon), first.substring(colon + 2));
        }
        return budget;
    }

    private static SweepSpec.Slice slice(JsonNode node, String path) {
        if (node.isTextual()) {
            return new SweepSpec.Slice(node.textValue(), null, List.of(), null);
        }
        object(node, path, List.of("name", "split", "subjects", "limit"));
        String name = text(node.get("name"), child(path, "name"));
        String split = node.has("split") ? text(node.get("split"), child(path, "split")) : null;
        List<String> subjects = new ArrayList<>();
        if (node.has("subjects")) {
            List<JsonNode> subjectNodes = nonEmptyList(node.get("subjects"), child(path, "subjects"));
            for (int i = 0; i < subjectNodes.size(); i++) {
                subjects.add(text(subjectNodes.get(i), index(child(path, "subjects"), i)));
            }
        }
        Integer limit = node.has("limit") ? integer(node.get("limit"), child(path, "limit")) : null;
        return new SweepSpec.Slice(name, split, subjects, limit);
    }
}
