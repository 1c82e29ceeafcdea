package dev.headroom.core.stats;

import dev.headroom.core.TestItems;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.scoring.Scorer;
import dev.headroom.core.variant.OptionOrder;
import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoredTaskTest {

    private static final Variant REVERSED = Variant.builder().order(OptionOrder.REVERSED).build();

    @Test
    void aScoreBecomesARowWithPresentedPositionsAndLabel() {
        // reversed: original 3 (Perth) is presented first, as A; the gold, original 1, is presented third
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), REVERSED, "m");
        Completion completion = new Completion(1, header, " A", Map.of(), "stop", 1, 1, 1, 1, "test", null);

        ScoredTask task = ScoredTask.of(Scorer.score(completion));

        assertThat(task.outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(task.chosenIndex()).isEqualTo(3);
        assertThat(task.chosenPosition()).isZero();
        assertThat(task.chosenLabel()).isEqualTo("A");
        assertThat(task.goldPosition()).isEqualTo(2);
        assertThat(task.variantId()).isEqualTo(REVERSED.id());
        assertThat(task.itemId()).isEqualTo(header.itemId());
    }

    @Test
    void aStoredRowWithoutPresentedOrderHasNoPositionsOrLabel() {
        ScoredTask task = ScoredTask.of("b", "s", "i", REVERSED, Outcome.INCORRECT, 3, 1, null, null, null);

        assertThat(task.chosenPosition()).isNull();
        assertThat(task.goldPosition()).isNull();
        assertThat(task.chosenLabel()).isNull();
        assertThat(task.dimensions()).isEqualTo(VariantDimensions.of(REVERSED));
    }

    @Test
    void dimensionsAreEveryVariantFieldButIdAndName() {
        Map<String, String> dimensions = VariantDimensions.of(REVERSED);

        assertThat(dimensions).doesNotContainKeys("id", "name");
        assertThat(dimensions).containsEntry("shots", "0").containsEntry("answerCue", "ANSWER");
        assertThat(dimensions.get("order")).contains("REVERSED");
    }
}
