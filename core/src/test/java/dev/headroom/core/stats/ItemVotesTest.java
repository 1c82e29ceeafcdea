package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemVotesTest {

    private static ScoredTask task(String item, String variant, Integer chosen, int gold) {
        Outcome outcome = chosen == null ? Outcome.UNPARSED : chosen == gold ? Outcome.CORRECT : Outcome.INCORRECT;
        return new ScoredTask("b", "s", item, variant, Map.of(), outcome, chosen, gold, chosen, gold, null, null);
    }

    private static final List<ScoredTask> TASKS = List.of(
            // i1: 2 of 3 choose option 1 (wrong), one the gold 0
            task("i1", "v1", 1, 0), task("i1", "v2", 1, 0), task("i1", "v3", 0, 0),
            // i2: gold 2 twice, one unparsed
            task("i2", "v1", 2, 2), task("i2", "v2", null, 2), task("i2", "v3", 2, 2),
            // i3: all unparsed
            task("i3", "v1", null, 3), task("i3", "v2", null, 3));

    @Test
    void countsCorrectAndUnparsedCellsAndTakesTheMostChosenOptionPerItem() {
        assertThat(ItemVotes.of(TASKS)).containsExactly(
                new ItemVotes.ItemVote("i1", "b", "s", 0, 3, 1, 0, 1, false),
                new ItemVotes.ItemVote("i2", "b", "s", 2, 3, 2, 1, 2, true),
                new ItemVotes.ItemVote("i3", "b", "s", 3, 2, 0, 2, null, false));
    }

    @Test
    void theShareOfItemsWhoseMajorityIsRightIsTheMajorityVoteStatistic() {
        double share = ItemVotes.of(TASKS).stream().filter(ItemVotes.ItemVote::majorityCorrect).count() / 3.0;

        ElicitationReport report = ElicitationAnalysis.report("all", TASKS, new AnalysisSettings(null, 0, 0));

        assertThat(report.majorityVote().estimate()).isEqualTo(share);
    }
}
