package dev.headroom.core.run;

import dev.headroom.core.Hashing;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.PromptRenderer;
import dev.headroom.core.variant.RenderedPrompt;
import dev.headroom.core.variant.Variant;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Expands a run into its tasks, deterministically: the same run gives the same tasks in the same order. */
public final class RunPlanner {

    private RunPlanner() {
    }

    /** Every item when there is no limit; otherwise a sample fixed by the item ids, kept in file order. */
    public static List<Item> select(List<Item> items, Integer limit) {
        if (limit == null || limit >= items.size()) {
            return items;
        }
        Set<String> chosen = new HashSet<>();
        items.stream()
                .map(Item::id)
                .sorted(Comparator.comparing(id -> Hashing.id("sample", id)))
                .limit(limit)
                .forEach(chosen::add);
        return items.stream().filter(item -> chosen.contains(item.id())).toList();
    }

    /**
     * @param examplesBySubject dev items per subject in file order, for few-shot variants
     */
    public static Stream<PromptTask> tasks(String runId, RunSpec spec, List<Item> items,
                                           Map<String, List<Item>> examplesBySubject) {
        // a variant's id is a hash over all its dimensions: once per variant, not once per task
        List<String> variantIds = spec.variants().stream().map(Variant::id).toList();
        return items.stream().flatMap(item -> IntStream.range(0, variantIds.size()).boxed().flatMap(v -> {
            Variant variant = spec.variants().get(v);
            RenderedPrompt prompt = PromptRenderer.render(item, variant,
                    examplesBySubject.getOrDefault(item.subject(), List.of()));
            return spec.models().stream().map(model -> task(runId, model, item, variant, variantIds.get(v), prompt));
        }));
    }

    /** The task of one (item, variant) for one model, as {@link #tasks} makes it: same run, same id. */
    public static PromptTask task(String runId, String model, Item item, Variant variant,
                                  Map<String, List<Item>> examplesBySubject) {
        return task(runId, model, item, variant, variant.id(), PromptRenderer.render(item, variant,
                examplesBySubject.getOrDefault(item.subject(), List.of())));
    }

    private static PromptTask task(String runId, String model, Item item, Variant variant, String variantId,
                                   RenderedPrompt prompt) {
        TaskHeader header = new TaskHeader(TaskHeader.taskId(runId, model, item.id(), variantId), runId, model,
                item.id(), item.benchmark(), item.subject(), variant, item.choices(), prompt.labels(),
                prompt.presentedOrder(), item.answerIndex());
        return new PromptTask(Messages.SCHEMA_VERSION, header, prompt.text(), prompt.messages());
    }
}
