package dev.headroom.core.message;

import dev.headroom.core.Hashing;
import dev.headroom.core.variant.Variant;

import java.util.List;

/**
 * What identifies a task and what every later stage needs to know about it; travels unchanged from the
 * prompt through the completion to the score.
 *
 * @param taskId         {@link #taskId(String, String, String, String)}: the Kafka key and the primary key downstream
 * @param options        option texts in the benchmark file's order
 * @param labels         option labels in presented order
 * @param presentedOrder for each presented position, the original option index
 * @param goldIndex      original index of the correct option
 */
public record TaskHeader(String taskId, String runId, String model, String itemId, String benchmark,
                         String subject, Variant variant, List<String> options, List<String> labels,
                         List<Integer> presentedOrder, int goldIndex) {

    public TaskHeader {
        options = List.copyOf(options);
        labels = List.copyOf(labels);
        presentedOrder = List.copyOf(presentedOrder);
    }

    /** hash(run, model, item, variant): the same task gets the same id however often it is submitted. */
    public static String taskId(String runId, String model, String itemId, String variantId) {
        return Hashing.id("task", runId, model, itemId, variantId);
    }

    public int goldPosition() {
        return presentedOrder.indexOf(goldIndex);
    }

    public List<String> presentedOptions() {
        return presentedOrder.stream().map(options::get).toList();
    }
}
