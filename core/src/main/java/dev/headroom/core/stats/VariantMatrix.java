package dev.headroom.core.stats;

import dev.headroom.core.Hashing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Items × variants of one model in one scope: whether each cell was answered correctly, and what every statistic
 * needs per item. A cell is missing when that task was not scored (yet); statistics use the cells present.
 * Items and variants are sorted by id, so that ties and splits are the same on every run.
 */
public final class VariantMatrix {

    static final byte MISSING = 0;
    static final byte CORRECT = 1;
    static final byte INCORRECT = 2;
    static final byte UNPARSED = 3;

    private final List<String> itemIds;
    private final List<String> variantIds;
    private final List<Map<String, String>> dimensions;
    private final byte[] cells;
    private final int[] goldPositions;
    private final boolean[] firstHalf;
    private final double[] pairDisagreement;
    private final boolean[] someCorrect;
    private final boolean[] allCorrect;
    private final boolean[] majorityCorrect;
    private final int positions;

    private VariantMatrix(List<ScoredTask> tasks) {
        itemIds = List.copyOf(new TreeSet<>(tasks.stream().map(ScoredTask::itemId).toList()));
        Map<String, Map<String, String>> variants = new TreeMap<>();
        tasks.forEach(task -> variants.putIfAbsent(task.variantId(), task.dimensions()));
        variantIds = List.copyOf(variants.keySet());
        dimensions = List.copyOf(variants.values());
        cells = new byte[itemIds.size() * variantIds.size()];
        goldPositions = new int[cells.length];
        Arrays.fill(goldPositions, -1);
        Map<String, Integer> itemIndex = index(itemIds);
        Map<String, Integer> variantIndex = index(variantIds);
        List<List<ScoredTask>> byItem = new ArrayList<>();
        itemIds.forEach(id -> byItem.add(new ArrayList<>()));
        int maxPosition = -1;
        for (ScoredTask task : tasks) {
            int cell = itemIndex.get(task.itemId()) * variantIds.size() + variantIndex.get(task.variantId());
            if (cells[cell] != MISSING) {
                throw new IllegalArgumentException("item " + task.itemId() + " under variant " + task.variantId()
                        + " is scored twice; give each (item, variant) of a model one row");
            }
            cells[cell] = switch (task.outcome()) {
                case CORRECT -> CORRECT;
                case INCORRECT -> INCORRECT;
                case UNPARSED -> UNPARSED;
            };
            if (task.goldPosition() != null) {
                goldPositions[cell] = task.goldPosition();
                maxPosition = Math.max(maxPosition, task.goldPosition());
            }
            byItem.get(itemIndex.get(task.itemId())).add(task);
        }
        positions = maxPosition + 1;
        firstHalf = firstHalf(itemIds);
        pairDisagreement = new double[itemIds.size()];
        someCorrect = new boolean[itemIds.size()];
        allCorrect = new boolean[itemIds.size()];
        majorityCorrect = new boolean[itemIds.size()];
        for (int item = 0; item < itemIds.size(); item++) {
            summarise(item, byItem.get(item));
        }
    }

    public static VariantMatrix of(Collection<ScoredTask> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no scored tasks to analyse");
        }
        return new VariantMatrix(List.copyOf(tasks));
    }

    public int items() {
        return itemIds.size();
    }

    public int variants() {
        return variantIds.size();
    }

    public List<String> variantIds() {
        return variantIds;
    }

    public Map<String, String> dimensions(int variant) {
        return dimensions.get(variant);
    }

    /** MISSING, CORRECT, INCORRECT or UNPARSED. */
    byte cell(int item, int variant) {
        return cells[item * variantIds.size() + variant];
    }

    /** Presented position of the gold option in that cell, -1 when missing or not recorded. */
    int goldPosition(int item, int variant) {
        return goldPositions[item * variantIds.size() + variant];
    }

    /** How many presented positions the label-bias statistics range over. */
    int positions() {
        return positions;
    }

    /** Which half of the held-out split the item falls in. */
    boolean inFirstHalf(int item) {
        return firstHalf[item];
    }

    /** ProSA's per-item sensitivity: mean over pairs of present cells of |correct_i - correct_j|; NaN below 2 cells. */
    double pairDisagreement(int item) {
        return pairDisagreement[item];
    }

    boolean someCorrect(int item) {
        return someCorrect[item];
    }

    boolean allCorrect(int item) {
        return allCorrect[item];
    }

    boolean majorityCorrect(int item) {
        return majorityCorrect[item];
    }

    private void summarise(int item, List<ScoredTask> tasks) {
        int gold = tasks.get(0).goldIndex();
        Map<Integer, Integer> votes = new HashMap<>();
        int correct = 0;
        for (ScoredTask task : tasks) {
            if (task.goldIndex() != gold) {
                throw new IllegalArgumentException("item " + task.itemId() + " has gold option " + gold
                        + " under one variant and " + task.goldIndex() + " under variant " + task.variantId());
            }
            correct += task.correct() ? 1 : 0;
            if (task.chosenIndex() != null) {
                votes.merge(task.chosenIndex(), 1, Integer::sum);
            }
        }
        int n = tasks.size();
        // k correct of n: k(n-k) of the n(n-1)/2 pairs disagree
        pairDisagreement[item] = n < 2 ? Double.NaN : 2.0 * correct * (n - correct) / (n * (n - 1.0));
        someCorrect[item] = correct > 0;
        allCorrect[item] = correct == n;
        majorityCorrect[item] = !votes.isEmpty() && majority(itemIds.get(item), votes) == gold;
    }

    /** The most chosen original option; a tie goes to the option ranked first by a hash of (item, option). */
    static int majority(String itemId, Map<Integer, Integer> votes) {
        int most = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        return votes.entrySet().stream()
                .filter(vote -> vote.getValue() == most)
                .map(Map.Entry::getKey)
                .min(Comparator.comparingDouble(option -> Hashing.uniform("majority-tie", itemId, option.toString())))
                .orElseThrow();
    }

    /**
     * The held-out split: items ranked by a hash of their id; the first ⌊n/2⌋ form the first half. Balanced in
     * every scope, and the same for an item whatever order the rows came in. The ids must be sorted.
     */
    public static boolean[] firstHalf(List<String> itemIds) {
        double[] hash = itemIds.stream().mapToDouble(id -> Hashing.uniform("held-out-half", id)).toArray();
        // items are in id order, so a stable sort breaks equal hashes by id
        List<Integer> ranked = IntStream.range(0, itemIds.size()).boxed()
                .sorted(Comparator.comparingDouble(item -> hash[item]))
                .toList();
        boolean[] first = new boolean[itemIds.size()];
        ranked.subList(0, ranked.size() / 2).forEach(item -> first[item] = true);
        return first;
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return index;
    }
}
