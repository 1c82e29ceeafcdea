package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantMatrixTest {

    private static ScoredTask task(String item, String variant, Integer chosen, int gold) {
        Outcome outcome = chosen == null ? Outcome.UNPARSED : chosen == gold ? Outcome.CORRECT : Outcome.INCORRECT;
        return new ScoredTask("b", "s", item, variant, Map.of(), outcome, chosen, gold, chosen, gold, null, null);
    }

    @Test
    void aCellScoredTwiceIsRefused() {
        assertThatThrownBy(() -> VariantMatrix.of(List.of(task("i1", "v", 0, 0), task("i1", "v", 1, 0))))
                .hasMessageContaining("item i1 under variant v is scored twice");
    }

    @Test
    void goldThatDiffersBetweenVariantsIsRefused() {
        assertThatThrownBy(() -> VariantMatrix.of(List.of(task("i1", "v", 0, 0), task("i1", "w", 0, 1))))
                .hasMessageContaining("item i1 has gold option 0 under one variant and 1 under variant w");
    }

    @Test
    void aMajorityTieIsBrokenByTheHashOfItemAndOptionWhateverTheVoteOrder() {
        int tieBreak = VariantMatrix.majority("i1", Map.of(1, 2, 2, 2, 3, 1));

        assertThat(tieBreak).isIn(1, 2);
        assertThat(VariantMatrix.majority("i1", new java.util.TreeMap<>(Map.of(2, 2, 1, 2, 3, 1)))).isEqualTo(tieBreak);
    }

    @Test
    void anItemWhoseAnswersAreAllUnparsedHasAWrongMajority() {
        VariantMatrix matrix = VariantMatrix.of(List.of(task("i1", "v", null, 0), task("i1", "w", null, 0)));

        assertThat(matrix.majorityCorrect(0)).isFalse();
    }

    @Test
    void theHeldOutHalvesAreBalanced() {
        List<ScoredTask> tasks = java.util.stream.IntStream.range(0, 101).mapToObj(i -> task("item" + i, "v", 0, 0)).toList();
        VariantMatrix matrix = VariantMatrix.of(tasks);

        long first = java.util.stream.IntStream.range(0, matrix.items()).filter(matrix::inFirstHalf).count();

        assertThat(first).isEqualTo(50);
    }
}
