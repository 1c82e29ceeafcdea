package dev.headroom.core.message;

import dev.headroom.core.variant.ChatMessage;

import java.util.List;

/** Topic {@code prompts.<model>}: one prompt for one model to answer. */
public record PromptTask(int schemaVersion, TaskHeader header, String prompt, List<ChatMessage> messages) {

    public PromptTask {
        messages = List.copyOf(messages);
    }
}
