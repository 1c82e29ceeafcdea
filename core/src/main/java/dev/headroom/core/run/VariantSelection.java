package dev.headroom.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.core.Hashing;
import dev.headroom.core.SpecException;
import dev.headroom.core.variant.PromptEvalTemplates;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantParser;
import dev.headroom.core.variant.VariantPresets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.headroom.core.SpecReader.child;
import static dev.headroom.core.SpecReader.index;
import static dev.headroom.core.SpecReader.integer;
import static dev.headroom.core.SpecReader.nonEmptyList;
import static dev.headroom.core.SpecReader.longInteger;
import static dev.headroom.core.SpecReader.object;
import static dev.headroom.core.SpecReader.text;

/**
 * The {@code variants} section of a sweep: an explicit list, a grid, or either under a seeded random sample. The
 * same section always gives the same variants in the same order, duplicates (by id) dropped after their first.
 */
public final class VariantSelection {

    /** A grid this large is a mistake, not a sweep: it would not fit in memory as tasks anyway. */
    static final int MAX_GRID = 200_000;

    private static final String PROMPTEVAL = "prompteval";

    private VariantSelection() {
    }

    /**
     * @param baseDir where relative template file paths are resolved (the spec file's directory)
     */
    public static List<Variant> read(JsonNode section, String path, Path baseDir) {
        if (section.isArray()) {
            return list(section, path, baseDir);
        }
        object(section, path, List.of("list", "grid", "sample"));
        if (section.has("list") == section.has("grid")) {
            throw new SpecException(path, "give either 'list' or 'grid'");
        }
        List<Variant> variants = section.has("list")
                ? list(section.get("list"), child(path, "list"), baseDir)
                : grid(section.get("grid"), child(path, "grid"));
        if (!section.has("sample")) {
            return variants;
        }
        String samplePath = child(path, "sample");
        JsonNode sample = object(section.get("sample"), samplePath, List.of("seed", "budget"));
        int budget = integer(sample.get("budget"), child(samplePath, "budget"));
        if (budget < 1) {
            throw new SpecException(child(samplePath, "budget"), "must be at least 1, got " + budget);
        }
        long seed = sample.has("seed") ? longInteger(sample.get("seed"), child(samplePath, "seed")) : 0;
        return sample(variants, seed, budget);
    }

    /** {@code budget} of the variants, chosen by a hash of the seed and each variant's id, kept in their order. */
    public static List<Variant> sample(List<Variant> variants, long seed, int budget) {
        if (budget >= variants.size()) {
            return variants;
        }
        Set<String> chosen = new HashSet<>();
        variants.stream().map(Variant::id)
                .sorted(Comparator.comparing(id -> Hashing.id("variant-sample", Long.toString(seed), id)))
                .limit(budget)
                .forEach(chosen::add);
        return variants.stream().filter(variant -> chosen.contains(variant.id())).toList();
    }

    private static List<Variant> list(JsonNode node, String path, Path baseDir) {
        List<Variant> variants = new ArrayList<>();
        List<JsonNode> entries = nonEmptyList(node, path);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String entryPath = index(path, i);
            if (entry.isTextual()) {
                variants.addAll(presetOrFamily(entry.textValue(), entryPath));
            } else if (entry.isObject() && entry.has(PROMPTEVAL)) {
                variants.addAll(promptEval(entry, entryPath, baseDir));
            } else {
                variants.add(VariantParser.parse(entry, entryPath));
            }
        }
        return distinct(variants);
    }

    /** The product of the dimensions' values, the last dimension varying fastest. */
    private static List<Variant> grid(JsonNode grid, String path) {
        if (grid == null || !grid.isObject() || grid.isEmpty()) {
            throw new SpecException(path, "expected a mapping of dimensions to lists of values");
        }
        Variant base = grid.has("base") ? VariantParser.parse(grid.get("base"), child(path, "base")) : Variant.PLAIN;
        Map<String, List<JsonNode>> dimensions = new LinkedHashMap<>();
        long combinations = 1;
        for (var fields = grid.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equals("base")) {
                continue;
            }
            String dimensionPath = child(path, field.getKey());
            if (!VariantParser.dimensions().contains(field.getKey())) {
                throw new SpecException(dimensionPath, "unknown dimension '" + field.getKey() + "'; known: "
                        + VariantParser.dimensions());
            }
            List<JsonNode> values = nonEmptyList(field.getValue(), dimensionPath);
            for (int i = 0; i < values.size(); i++) {
                // each value on its own first, so that an error names the value rather than a combination
                VariantParser.apply(base.toBuilder(), field.getKey(), values.get(i), index(dimensionPath, i));
            }
            dimensions.put(field.getKey(), values);
            combinations *= values.size();
            if (combinations > MAX_GRID) {
                throw new SpecException(path, "more than " + MAX_GRID + " combinations; use fewer values, or list a sample");
            }
        }
        List<Variant> variants = new ArrayList<>();
        combine(base.toBuilder(), new ArrayList<>(dimensions.entrySet()), 0, path, variants);
        return distinct(variants);
    }

    private static void combine(Variant.Builder builder, List<Map.Entry<String, List<JsonNode>>> dimensions, int depth,
                                String path, List<Variant> out) {
        if (depth == dimensions.size()) {
            out.add(VariantParser.build(builder, path));
            return;
        }
        Map.Entry<String, List<JsonNode>> dimension = dimensions.get(depth);
        for (int i = 0; i < dimension.getValue().size(); i++) {
            VariantParser.apply(builder, dimension.getKey(), dimension.getValue().get(i),
                    index(child(path, dimension.getKey()), i));
            combine(builder, dimensions, depth + 1, path, out);
        }
    }

    private static List<Variant> presetOrFamily(String name, String path) {
        try {
            return VariantPresets.expand(name);
        } catch (IllegalArgumentException e) {
            throw new SpecException(path, e.getMessage());
        }
    }

    private static List<Variant> promptEval(JsonNode entry, String path, Path baseDir) {
        object(entry, path, List.of(PROMPTEVAL));
        Path file = baseDir.resolve(text(entry.get(PROMPTEVAL), child(path, PROMPTEVAL)));
        if (!Files.isRegularFile(file)) {
            throw new SpecException(child(path, PROMPTEVAL), "no such file " + file);
        }
        try {
            return PromptEvalTemplates.load(file);
        } catch (RuntimeException e) {
            throw new SpecException(child(path, PROMPTEVAL), e.getMessage());
        }
    }

    private static List<Variant> distinct(List<Variant> variants) {
        Map<String, Variant> byId = new LinkedHashMap<>();
        variants.forEach(variant -> byId.putIfAbsent(variant.id(), variant));
        return List.copyOf(byId.values());
    }
}
