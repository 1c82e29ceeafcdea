package dev.headroom.worker.gguf;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;

import java.util.List;
import java.util.Map;

/** A task as the generator would render it, with a question the story model has words for. */
final class Tasks {

    private Tasks() {
    }

    static PromptTask multipleChoice(String variantPreset) {
        Item item = new Item("stories/animals/test/0", "stories", "animals", "test",
                "Lily saw a big dog in the park. What did Lily see?", List.of("a cat", "a dog", "a ball", "a bird"), 1);
        RunSpec spec = new RunSpec("r", "stories", null, null, null, List.of(VariantPresets.named(variantPreset)),
                List.of("stories260K"));
        return RunPlanner.tasks("r", spec, List.of(item), Map.of()).findFirst().orElseThrow();
    }
}
