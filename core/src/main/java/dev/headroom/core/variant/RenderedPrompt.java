package dev.headroom.core.variant;

import java.util.List;

/**
 * What a model sees for one item under one variant, in both completion and chat form.
 *
 * @param presentedOrder for each presented position, the index of the option in the benchmark file
 */
public record RenderedPrompt(String text, List<ChatMessage> messages, List<String> labels,
                             List<Integer> presentedOrder) {

    public RenderedPrompt {
        messages = List.copyOf(messages);
        labels = List.copyOf(labels);
        presentedOrder = List.copyOf(presentedOrder);
    }
}
