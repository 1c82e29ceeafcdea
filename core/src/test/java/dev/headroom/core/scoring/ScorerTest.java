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
        return new Completion(1, header, text, logprobs, "stop", 10, 1, 5, 1, "test", null);
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

    @Test
    void tokenFormsOfOneLabelAddUp() {
        // A: 0.30 (" A") + 0.05 ("A") = 0.35 beats B: 0.25 (" B") + 0.05 ("(B") = 0.30; D: 0.2; C absent.
        // gold is B (original 1, plain order): 0.30 / (0.35 + 0.30 + 0.20) = 0.30 / 0.85
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), Variant.PLAIN, "m");
        Map<String, Double> logprobs = Map.of(" A", Math.log(0.30), "A", Math.log(0.05), " B", Math.log(0.25),
                "(B", Math.log(0.05), " D", Math.log(0.2), " the", Math.log(0.1));

        Score score = Scorer.score(completion(header, "", logprobs));

        assertThat(score.chosenIndex()).isZero();
        assertThat(score.outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(score.goldProbability()).isCloseTo(0.30 / 0.85, within(1e-9));
    }

    @Test
    void logprobsOfNoLabelFallBackToTheText() {
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), Variant.PLAIN, "m");

        Score score = Scorer.score(completion(header, "The answer is B", Map.of(" The", -0.1, " I", -2.0)));

        assertThat(score.outcome()).isEqualTo(Outcome.CORRECT);
        assertThat(score.goldProbability()).isNull();
    }

    @Test
    void aScoreCarriesItsCompletionsCost() {
        TaskHeader header = TestItems.header(TestItems.capitals(0, 1), Variant.PLAIN, "m");
        Completion priced = new Completion(1, header, " B", Map.of(), "stop", 10, 1, 5, 1, "test", 0.0042);

        assertThat(Scorer.score(priced).costUsd()).isEqualTo(0.0042);
        assertThat(Scorer.score(completion(header, " B", Map.of())).costUsd()).isNull();
    }
}
