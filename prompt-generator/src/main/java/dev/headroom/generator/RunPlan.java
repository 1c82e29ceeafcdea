package dev.headroom.generator;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
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

    public Stream<PromptTask> tasksFor(String model) {
        return RunPlanner.tasks(runId, spec.withModels(List.of(model)), items, examples);
    }
}
