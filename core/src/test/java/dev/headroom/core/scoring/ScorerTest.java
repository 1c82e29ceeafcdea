package dev.headroom.core.scoring;

import dev.headroom.core.TestItems;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.OptionOrder;
import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {

    private static final Variant REVERSED = Variant.builder().order(OptionOrder.REVERSED).build();

    private static Completion completion(TaskHeader header, String text, Map<String, Double> logprobs) {
        return new Completion(1, header, text, logprobs, "stop", 10, 1, 5, 1, "test");
    }

    @Test
    void mapsThePresentedLabelBackToTheOriginalOption() {
        // reversed: C is presented third, which is original option 1 (Canberra), the gold
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), REVERSED, "m");

        Score score = Scorer.score(completion(header, " C", Map.of()));

        assertThat(score.outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(score.chosenIndex()).isEqualTo(1);
    }

    @Test
    void wrongLabelIsIncorrectWithItsOriginalIndex() {
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), REVERSED, "m");

        Score score = Scorer.score(completion(header, " A", Map.of()));

        assertThat(score.outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(score.chosenIndex()).isEqualTo(3);
    }

    @Test
    void noOptionNamedIsUnparsed() {
        Score score = Scorer.score(completion(TestItems.header(TestItems.capitals(0, 1), Variant.PLAIN, "m"),
                "no idea", Map.of()));

        assertThat(score.outcome()).isEqualTo(Outcome.UNPARSED);
        assertThat(score.chosenIndex()).isNull();
    }

    @Test
    void logprobsDecideOverTextAndGiveTheGoldProbability() {
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), Variant.PLAIN, "m");
        Map<String, Double> logprobs = Map.of("A", Math.log(0.1), "B", Math.log(0.6), "C", Math.log(0.1), "D", Math.log(0.2));

        Score score = Scorer.score(completion(header, " A", logprobs));

        assertThat(score.outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(score.goldProbability()).isCloseTo(0.6, within(1e-9));
    }
}
