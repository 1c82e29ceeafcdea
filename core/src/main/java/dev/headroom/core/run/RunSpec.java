package dev.headroom.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.headroom.core.variant.Variant;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * What a user asks for: a benchmark slice, the ways of asking it, and the models to ask.
 *
 * @param id        optional; when absent the run id is a hash of the rest, so submitting the same spec twice is one run
 * @param benchmark a benchmark name the generator is configured with (e.g. "mmlu-sample", "mmlu")
 * @param split     which split to ask (default "test"); few-shot examples always come from "dev"
 * @param subjects  subjects to include; empty means all
 * @param limit     at most this many items, a deterministic sample spread over the subjects; null means all
 * @param variants  the ways of asking (preset names or dimension objects); default plain
 * @param models    model names, each with its own prompt topic; or {@value #EVERY_MODEL} alone: every model announced,
 *                  now or while the run is open, so that deploying a worker adds its model to the run
 * @param budgets   per model (or {@value #EVERY_MODEL}: every model without its own), a {@link Budget}: that model is
 *                  asked round by round and stops at it; a model without one is asked the whole grid. Left out of
 *                  the JSON when empty, so a spec without budgets keeps its content id
 */
public record RunSpec(String id, String benchmark, String split, List<String> subjects, Integer limit,
                      List<Variant> variants, List<String> models,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Budget> budgets) {

    public static final String EVERY_MODEL = "*";

    public RunSpec {
        split = Objects.requireNonNullElse(split, "test");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        variants = variants == null || variants.isEmpty() ? List.of(Variant.PLAIN) : List.copyOf(variants);
        models = models == null ? List.of() : List.copyOf(models);
        budgets = budgets == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(budgets));
    }

    /** A run that asks every model the whole grid. */
    public RunSpec(String id, String benchmark, String split, List<String> subjects, Integer limit,
                   List<Variant> variants, List<String> models) {
        this(id, benchmark, split, subjects, limit, variants, models, Map.of());
    }

    /** The model's budget, its own or the one for every model; null when it is asked the whole grid. */
    public Budget budgetOf(String model) {
        return budgets.getOrDefault(model, budgets.get(EVERY_MODEL));
    }

    /** Whether models announced after submission join the run. */
    public boolean openToEveryModel() {
        return models.equals(List.of(EVERY_MODEL));
    }

    public RunSpec withId(String newId) {
        return new RunSpec(newId, benchmark, split, subjects, limit, variants, models, budgets);
    }

    public RunSpec withModels(List<String> newModels) {
        return new RunSpec(id, benchmark, split, subjects, limit, variants, newModels, budgets);
    }

    /** The problems with this spec, each naming its key; empty when it can run. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (benchmark == null || benchmark.isBlank()) problems.add("benchmark: required");
        if (models.isEmpty()) problems.add("models: at least one model is required");
        if (models.contains(EVERY_MODEL) && models.size() > 1) {
            problems.add("models: '" + EVERY_MODEL + "' (every announced model) must stand alone");
        }
        models.stream().filter(m -> !m.equals(EVERY_MODEL) && !m.matches("[A-Za-z0-9._-]+"))
                .forEach(m -> problems.add("models: '" + m + "' may use only letters, digits, '.', '_' and '-'"));
        if (limit != null && limit < 1) problems.add("limit: must be at least 1, got " + limit);
        if (id != null && !id.matches("[A-Za-z0-9._-]{1,100}")) problems.add("id: 1 to 100 letters, digits, '.', '_' or '-'");
        if (variants.stream().map(Variant::id).distinct().count() < variants.size()) {
            problems.add("variants: two entries are the same variant");
        }
        budgets.forEach((model, budget) -> {
            String path = "budgets." + model;
            if (!model.equals(EVERY_MODEL) && !models.contains(model)) {
                problems.add(path + ": not one of the run's models " + models);
            } else if (budget == null) {
                problems.add(path + ": a budget is required");
            } else {
                problems.addAll(budget.problems(path));
            }
        });
        return problems;
    }
}
