package dev.headroom.core.variant;

import dev.headroom.core.TestItems;
import dev.headroom.core.benchmark.Item;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptRendererTest {

    @Test
    void plainZeroShotIsTheHarnessFormat() {
        RenderedPrompt prompt = PromptRenderer.render(TestItems.capitals(0, 1), Variant.PLAIN, List.of());

        assertThat(prompt.text()).isEqualTo("""
                The following are multiple choice questions (with answers) about world geography.

                Which city is the capital of Australia?
                A. Sydney
                B. Canberra
                C. Melbourne
                D. Perth
                Answer:""");
        assertThat(prompt.labels()).containsExactly("A", "B", "C", "D");
        assertThat(prompt.messages()).containsExactly(new ChatMessage("user", prompt.text()));
    }

    @Test
    void fewShotExamplesPrecedeTheQuestionEachWithItsGoldLabel() {
        Item example = new Item("ex", "test", "world_geography", "dev", "Largest ocean?",
                List.of("Atlantic", "Indian", "Arctic", "Pacific"), 3);

        String text = PromptRenderer.render(TestItems.capitals(0, 1), Variant.PLAIN.withShots(1), List.of(example)).text();

        assertThat(text).startsWith("""
                The following are multiple choice questions (with answers) about world geography.

                Largest ocean?
                A. Atlantic
                B. Indian
                C. Arctic
                D. Pacific
                Answer: D

                Which city""");
    }

    @Test
    void reorderedOptionsCarryTheirMappingToTheOriginal() {
        Variant reversed = new Variant(LabelStyle.NUMBER, ") ", OptionOrder.REVERSED, 0, false, "Answer:");

        RenderedPrompt prompt = PromptRenderer.render(TestItems.capitals(0, 1), reversed, List.of());

        assertThat(prompt.text()).isEqualTo("""
                Which city is the capital of Australia?
                1) Perth
                2) Melbourne
                3) Canberra
                4) Sydney
                Answer:""");
        assertThat(prompt.presentedOrder()).containsExactly(3, 2, 1, 0);
    }

    @Test
    void tooFewExamplesForTheShotsIsAnError() {
        assertThatThrownBy(() -> PromptRenderer.render(TestItems.capitals(0, 1), Variant.PLAIN.withShots(5), List.of()))
                .hasMessageContaining("needs 5 examples");
    }
}
