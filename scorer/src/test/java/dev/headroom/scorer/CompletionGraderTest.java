package dev.headroom.scorer;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.PromptRenderer;
import dev.headroom.core.variant.RenderedPrompt;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class CompletionGraderTest {

    /** $1 per million prompt tokens, $2 per million completion tokens. */
    private static final ModelCard PRICED = new ModelCard(Messages.SCHEMA_VERSION, "m", "test", "test", 1e9, "base", 1,
            1.0, 2.0);

    static Completion completion(String itemId, Variant variant, String text) {
        Item item = new Item(itemId, "t", "geo", "test", "Capital of Australia?",
                List.of("Sydney", "Canberra", "Melbourne", "Perth"), 1);
        RenderedPrompt prompt = PromptRenderer.render(item, variant, List.of());
        TaskHeader header = new TaskHeader(TaskHeader.taskId("r", "m", itemId, variant.id()), "r", "m", itemId, "t",
                "geo", variant, item.choices(), prompt.labels(), prompt.presentedOrder(), item.answerIndex());
        return new Completion(Messages.SCHEMA_VERSION, header, text, Map.of(), "stop", 1, 1, 0, 1, "test", null);
    }

    @Test
    void gradesEachCompletionIntoAScoreKeyedByItsTaskIdCarryingItsCost() {
        Variant reversed = VariantPresets.named("numbers-reversed");
        Map<String, Completion> completions = new LinkedHashMap<>();
        for (Completion c : List.of(
                completion("i1", Variant.PLAIN, " B").pricedBy(PRICED),  // Canberra: correct
                completion("i2", reversed, " 3"),                        // reversed 3 = original 1: correct
                completion("i3", reversed, " 1"),                        // reversed 1 = original 3: wrong
                completion("i4", Variant.PLAIN, "no idea"))) {           // unparsed
            completions.put(c.header().taskId(), c);
        }

        KafkaTestClient.send("completions", completions);
        List<KafkaTestClient.Record<Score>> scores = KafkaTestClient.read("scores", Score.class, 4, Duration.ofSeconds(30));

        assertThat(scores).hasSize(4).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().header().taskId()));
        Map<String, Score> byItem = new LinkedHashMap<>();
        scores.forEach(r -> byItem.put(r.value().header().itemId(), r.value()));
        assertThat(byItem.get("i1").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(byItem.get("i2").outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(byItem.get("i3").outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(byItem.get("i3").chosenIndex()).isEqualTo(3);
        assertThat(byItem.get("i4").outcome()).isEqualTo(Outcome.UNPARSED);
        assertThat(byItem.get("i1").costUsd()).isEqualTo(completions.values().iterator().next().costUsd()).isPositive();
        assertThat(byItem.get("i4").costUsd()).as("unpriced").isNull();
    }
}
