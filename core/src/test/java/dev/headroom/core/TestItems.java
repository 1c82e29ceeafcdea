package dev.headroom.core;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.PromptRenderer;
import dev.headroom.core.variant.RenderedPrompt;
import dev.headroom.core.variant.Variant;

import java.util.List;

/** Small hand-written items for unit tests. */
public final class TestItems {

    private TestItems() {
    }

    public static Item capitals(int row, int answerIndex) {
        return new Item("test/geo/test/" + row, "test", "world_geography", "test",
                "  Which city is the capital of Australia?\n", List.of("Sydney", "Canberra", "Melbourne", "Perth"),
                answerIndex);
    }

    public static TaskHeader header(Item item, Variant variant, String model) {
        RenderedPrompt prompt = PromptRenderer.render(item, variant, List.of());
        return new TaskHeader(TaskHeader.taskId("run", model, item.id(), variant.id()), "run", model, item.id(),
                item.benchmark(), item.subject(), variant, item.choices(), prompt.labels(), prompt.presentedOrder(),
                item.answerIndex());
    }
}
