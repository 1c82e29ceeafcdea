package dev.headroom.core.stats;

import dev.headroom.core.Hashing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
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

    private VariantMatrix(ScoredCells store, int[] scope) {
        int[] itemAt = local(store.items(), scope, store::item, Comparator.comparing(store::itemId));
        int[] variantAt = local(store.variants(), scope, store::variant, Comparator.comparing(store::variantId));
        List<String> items = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        List<Map<String, String>> variantDimensions = new ArrayList<>();
        int[] globalItem = globals(itemAt);
        for (int global : globalItem) {
            items.add(store.itemId(global));
        }
        for (int global : globals(variantAt)) {
            variants.add(store.variantId(global));
            variantDimensions.add(store.dimensions(global));
        }
        itemIds = List.copyOf(items);
        variantIds = List.copyOf(variants);
        dimensions = List.copyOf(variantDimensions);
        cells = new byte[itemIds.size() * variantIds.size()];
        goldPositions = new int[cells.length];
        Arrays.fill(goldPositions, -1);
        int[] chosen = new int[cells.length];
        int maxPosition = -1;
        for (int task : scope) {
            int cell = itemAt[store.item(task)] * variantIds.size() + variantAt[store.variant(task)];
            if (cells[cell] != MISSING) {
                throw new IllegalArgumentException("item " + store.itemId(store.item(task)) + " under variant "
                        + store.variantId(store.variant(task)) + " is scored twice; give each (item, variant) of a model one row");
            }
            cells[cell] = switch (store.outcome(task)) {
                case CORRECT -> CORRECT;
                case INCORRECT -> INCORRECT;
                case UNPARSED -> UNPARSED;
            };
            chosen[cell] = store.chosenIndex(task);
            int goldPosition = store.goldPosition(task);
            if (goldPosition >= 0) {
                goldPositions[cell] = goldPosition;
                maxPosition = Math.max(maxPosition, goldPosition);
            }
        }
        positions = maxPosition + 1;
        firstHalf = firstHalf(itemIds);
        pairDisagreement = new double[itemIds.size()];
        someCorrect = new boolean[itemIds.size()];
        allCorrect = new boolean[itemIds.size()];
        majorityCorrect = new boolean[itemIds.size()];
        for (int item = 0; item < itemIds.size(); item++) {
            summarise(item, store.goldIndex(globalItem[item]), chosen);
        }
    }

    public static VariantMatrix of(Collection<ScoredTask> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no scored tasks to analyse");
        }
        ScoredCells store = ScoredCells.of(tasks);
        return of(store, store.all());
    }

    /** The matrix of the given cells of the store (a scope); at least one. */
    static VariantMatrix of(ScoredCells store, int[] scope) {
        if (scope.length == 0) {
            throw new IllegalArgumentException("no scored tasks to analyse");
        }
        return new VariantMatrix(store, scope);
    }

    /**
     * For each global index the scope uses, its local index in the given order of ids; -1 for those it does not.
     */
    private static int[] local(int globals, int[] scope, IntUnaryOperator globalOf, Comparator<Integer> byId) {
        boolean[] used = new boolean[globals];
        for (int task : scope) {
            used[globalOf.applyAsInt(task)] = true;
        }
        List<Integer> present = IntStream.range(0, globals).filter(global -> used[global]).boxed()
                .sorted(byId).toList();
        int[] local = new int[globals];
        Arrays.fill(local, -1);
        for (int i = 0; i < present.size(); i++) {
            local[present.get(i)] = i;
        }
        return local;
    }

    /** The global index of each local one: the inverse of {@link #local}. */
    private static int[] globals(int[] local) {
        int[] global = new int[(int) Arrays.stream(local).filter(index -> index >= 0).count()];
        for (int index = 0; index < local.length; index++) {
            if (local[index] >= 0) {
                global[local[index]] = index;
            }
        }
        return global;
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

    private void summarise(int item, int gold, int[] chosen) {
        Map<Integer, Integer> votes = new HashMap<>();
        int correct = 0;
        int n = 0;
        for (int variant = 0; variant < variantIds.size(); variant++) {
            int cell = item * variantIds.size() + variant;
            if (cells[cell] == MISSING) {
                continue;
            }
            n++;
            correct += cells[cell] == CORRECT ? 1 : 0;
            if (chosen[cell] >= 0) {
                votes.merge(chosen[cell], 1, Integer::sum);
            }
        }
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
}
