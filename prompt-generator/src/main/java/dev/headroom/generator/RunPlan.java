package dev.headroom.generator;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.Budget;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A run's items and few-shot examples, loaded once, from which any model's share of tasks is expanded. */
public record RunPlan(String runId, RunSpec spec, List<Item> items, Map<String, List<Item>> examples) {

    public long tasksPerModel() {
        return (long) items.size() * spec.variants().size();
    }

    /** The whole grid, or at most the model's budget of calls. */
    public long expectedTasks(String model) {
        Budget budget = spec.budgetOf(model);
        return budget == null || budget.maxCalls() == null ? tasksPerModel() : Math.min(budget.maxCalls(), tasksPerModel());
    }

    public Stream<PromptTask> tasksFor(String model) {
        return RunPlanner.tasks(runId, spec.withModels(List.of(model)), items, examples);
    }
}
