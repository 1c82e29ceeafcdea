package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        return of(ScoredCells.of(tasks));
    }

    /** The same from a model's tasks kept as cells. */
    public static List<ItemVote> of(ScoredCells cells) {
        int[] variants = new int[cells.items()];
        int[] correct = new int[cells.items()];
        int[] unparsed = new int[cells.items()];
        List<Map<Integer, Integer>> chosen = new ArrayList<>(cells.items());
        for (int item = 0; item < cells.items(); item++) {
            chosen.add(new HashMap<>());
        }
        for (int task = 0; task < cells.size(); task++) {
            int item = cells.item(task);
            variants[item]++;
            correct[item] += cells.outcome(task) == Outcome.CORRECT ? 1 : 0;
            if (cells.chosenIndex(task) < 0) {
                unparsed[item]++;
            } else {
                chosen.get(item).merge(cells.chosenIndex(task), 1, Integer::sum);
            }
        }
        Map<String, ItemVote> byItemId = new TreeMap<>();
        for (int item = 0; item < cells.items(); item++) {
            String itemId = cells.itemId(item);
            int gold = cells.goldIndex(item);
            Integer majority = chosen.get(item).isEmpty() ? null : VariantMatrix.majority(itemId, chosen.get(item));
            byItemId.put(itemId, new ItemVote(itemId, cells.benchmark(item), cells.subject(item), gold, variants[item],
                    correct[item], unparsed[item], majority, majority != null && majority == gold));
        }
        return List.copyOf(byItemId.values());
    }
}
