package dev.headroom.core.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Per item of one model: how many variants answered it correctly and which original option the majority vote across
 * variants chose, with the tie-break the majority-vote statistic uses ({@link VariantMatrix#majority}).
 */
public final class ItemVotes {

    private ItemVotes() {
    }

    /**
     * @param variants       scored cells of the item (variants that answered it)
     * @param majorityOption original option chosen most often over the parsed cells; null when every cell is unparsed
     */
    public record ItemVote(String itemId, String benchmark, String subject, int goldIndex, int variants, int correct,
                           int unparsed, Integer majorityOption, boolean majorityCorrect) {
    }

    /** One vote per item, in item id order. */
    public static List<ItemVote> of(Collection<ScoredTask> tasks) {
        Map<String, List<ScoredTask>> byItem = tasks.stream()
                .collect(Collectors.groupingBy(ScoredTask::itemId, TreeMap::new, Collectors.toList()));
        List<ItemVote> votes = new ArrayList<>(byItem.size());
        byItem.forEach((itemId, cells) -> votes.add(vote(itemId, cells)));
        return votes;
    }

    private static ItemVote vote(String itemId, List<ScoredTask> cells) {
        Map<Integer, Integer> chosen = new HashMap<>();
        int correct = 0;
        int unparsed = 0;
        for (ScoredTask cell : cells) {
            correct += cell.correct() ? 1 : 0;
            if (cell.chosenIndex() == null) {
                unparsed++;
            } else {
                chosen.merge(cell.chosenIndex(), 1, Integer::sum);
            }
        }
        ScoredTask first = cells.get(0);
        Integer majority = chosen.isEmpty() ? null : VariantMatrix.majority(itemId, chosen);
        return new ItemVote(itemId, first.benchmark(), first.subject(), first.goldIndex(), cells.size(), correct,
                unparsed, majority, majority != null && majority == first.goldIndex());
    }
}
