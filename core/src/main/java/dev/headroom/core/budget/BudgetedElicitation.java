package dev.headroom.core.budget;

import dev.headroom.core.Hashing;
import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.VariantMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Elicitation under a budget of calls: which (variant, item) pairs to ask, round by round, to find the best variant
 * and estimate the distribution of accuracies across variants with a fraction of the full grid. docs/statistics.md,
 * "Budgeted elicitation".
 *
 * <p>The items are split into a selection half and a scoring half by the held-out split of the statistics
 * ({@link VariantMatrix#firstHalf}). Rounds, each asked after the outcomes of the previous one are recorded:
 * <ol>
 *   <li><b>design</b> ({@value #DESIGN_SHARE} of the budget): every variant on the same number of items, taken
 *       cyclically from one hashed order of all items, so every item is asked about equally often;</li>
 *   <li><b>successive halving</b> on the selection half: each round asks every surviving variant on the same new
 *       selection items, then keeps the better half by their abilities in an item-response model fitted to the
 *       selection half alone;</li>
 *   <li><b>scoring</b> (at least {@value #SCORING_SHARE} of the budget, at most the scoring half): the last survivor
 *       on scoring items. Its held-out accuracy is counted on the scoring half only, so no item that selected it
 *       scores it;</li>
 *   <li><b>fill</b>: whatever the budget has left, as more balanced calls.</li>
 * </ol>
 * Calls allocated never exceed the budget, which may be lowered and raised again between rounds up to the one it was
 * made with ({@link #limitCalls}: a budget in dollars is one in calls at the cost per call observed so far); each
 * round's share is of the budget when it is asked. The distribution (each variant's accuracy, the quantiles across
 * variants) comes from the {@link ItemResponseModel} fitted to every outcome recorded.
 */
public final class BudgetedElicitation {

    static final double DESIGN_SHARE = 0.4;
    static final double SCORING_SHARE = 0.25;
    private static final double[] QUANTILES = {0.05, 0.50, 0.95};
    private static final int QUANTILE_DRAWS = 200;

    private enum Phase { DESIGN, HALVING, SCORING, FILL, DONE }

    /** One call: the variant and the item, as indices into {@link #variantIds()} and {@link #itemIds()}. */
    public record Cell(int variant, int item) {
    }

    private final List<String> variantIds;
    private final List<String> itemIds;
    private final Map<String, Integer> variantIndex = new HashMap<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final int maxCalls;
    private int callLimit;
    private final double targetIntervalWidth;
    private final boolean[] selectionHalf;
    private final List<Integer> selectionOrder;
    private final List<Integer> scoringOrder;
    private final boolean[] allocated;
    private final int[] variantOf;
    private final int[] itemOf;
    private final boolean[] correctOf;
    private final boolean[] recorded;
    private final int halvingRounds;
    private final List<Integer> balancedOrder;
    private final boolean[] balancedCell;
    private int calls;
    private int halvingSpent;
    private Phase phase = Phase.DESIGN;
    private int halvingRoundsAsked;
    private List<Integer> survivors;

    /**
     * @param variantIds          the variants, distinct
     * @param itemIds             the items, distinct (sorted here: the split and the orders depend on the ids only)
     * @param maxCalls            the most calls ever allocated
     * @param targetIntervalWidth stop halving once every quantile's 95% interval is narrower than this; 0: never
     */
    public BudgetedElicitation(List<String> variantIds, List<String> itemIds, int maxCalls, double targetIntervalWidth) {
        if (variantIds.isEmpty() || itemIds.isEmpty()) {
            throw new IllegalArgumentException("budgeted elicitation needs at least one variant and one item");
        }
        this.variantIds = List.copyOf(variantIds);
        this.itemIds = itemIds.stream().sorted().toList();
        IntStream.range(0, this.variantIds.size()).forEach(variant -> variantIndex.put(this.variantIds.get(variant), variant));
        IntStream.range(0, this.itemIds.size()).forEach(item -> itemIndex.put(this.itemIds.get(item), item));
        this.maxCalls = maxCalls;
        this.callLimit = maxCalls;
        this.targetIntervalWidth = targetIntervalWidth;
        int cells = variantIds.size() * itemIds.size();
        allocated = new boolean[cells];
        variantOf = new int[cells];
        itemOf = new int[cells];
        correctOf = new boolean[cells];
        recorded = new boolean[cells];
        balancedCell = new boolean[cells];
        selectionHalf = VariantMatrix.firstHalf(this.itemIds);
        selectionOrder = hashedOrder("budget-selection", true);
        scoringOrder = hashedOrder("budget-scoring", false);
        balancedOrder = IntStream.range(0, this.itemIds.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> Hashing.uniform("budget-balanced", this.itemIds.get(i))))
                .toList();
        survivors = IntStream.range(0, variantIds.size()).boxed().toList();
        halvingRounds = (int) Math.ceil(Math.log(variantIds.size()) / Math.log(2));
    }

    /**
     * Sets the budget for the rounds to come: never above the one it was made with, never below the calls allocated.
     */
    public void limitCalls(int calls) {
        callLimit = Math.max(this.calls, Math.min(maxCalls, calls));
    }

    /** The smallest budget whose design round asks every variant on one item (one more call for rounding). */
    public int smallestBalancedBudget() {
        return (int) Math.ceil(variantIds.size() / DESIGN_SHARE) + 1;
    }

    public List<String> variantIds() {
        return variantIds;
    }

    /** The items, sorted by id: {@link Cell#item()} indexes this list. */
    public List<String> itemIds() {
        return itemIds;
    }

    /** Whether the item is in the selection half (never scores the variant picked). */
    public boolean selects(int item) {
        return selectionHalf[item];
    }

    /** Calls allocated so far, never more than the budget. */
    public int calls() {
        return calls;
    }

    public boolean finished() {
        return phase == Phase.DONE;
    }

    /** The next round's calls, to be asked and {@link #record}ed before the next; empty once finished. */
    public List<Cell> nextRound() {
        switch (phase) {
            case DESIGN -> {
                phase = Phase.HALVING;
                return balanced((int) (DESIGN_SHARE * callLimit) / variantIds.size());
            }
            case HALVING -> {
                if (halvingRoundsAsked > 0) {
                    survivors = ranked(survivors).subList(0, (survivors.size() + 1) / 2);
                }
                if (survivors.size() > 1 && !tightEnough()) {
                    List<Cell> round = halvingRound();
                    if (!round.isEmpty()) {
                        return round;
                    }
                }
                survivors = ranked(survivors).subList(0, 1);
                phase = Phase.SCORING;
                return allocate(unasked(survivors.get(0), scoringOrder, scoringOrder.size()));
            }
            case SCORING -> {
                phase = Phase.FILL;
                return balanced((callLimit - calls) / variantIds.size());
            }
            default -> {
                phase = Phase.DONE;
                return List.of();
            }
        }
    }

    /** The call of a variant and an item named by their ids, if it was allocated in a round so far. */
    public Optional<Cell> allocatedCell(String variantId, String itemId) {
        Integer variant = variantIndex.get(variantId);
        Integer item = itemIndex.get(itemId);
        return variant != null && item != null && allocated(variant, item)
                ? Optional.of(new Cell(variant, item)) : Optional.empty();
    }

    /** Whether the call was allocated in a round so far. */
    public boolean allocated(int variant, int item) {
        return allocated[cell(variant, item)];
    }

    /** Records the outcome of an allocated call; recording one twice changes nothing. */
    public void record(int variant, int item, boolean correct) {
        int cell = cell(variant, item);
        if (!allocated[cell]) {
            throw new IllegalArgumentException("(" + variantIds.get(variant) + ", " + itemIds.get(item) + ") was not allocated");
        }
        correctOf[cell] = correct;
        recorded[cell] = true;
    }

    /**
     * What the outcomes recorded so far say: the item-response model fitted to all of them, its abilities shifted
     * together so that on the balanced calls alone the fitted and the observed accuracy agree (the adaptive calls
     * crowd the better variants onto the selection half, and where the logistic link is not quite the truth that
     * moves the fitted level; the balanced calls are a uniform sample of variants and items, so their mean is not).
     */
    public BudgetEstimate estimate() {
        Observations all = observations(false);
        ItemResponseModel.Fit fit = ItemResponseModel.fit(variantIds.size(), itemIds.size(), all.outcomes())
                .levelledOn(all.subset(all.balanced()));
        double[][] quantiles = fit.accuracyQuantiles(QUANTILES, QUANTILE_DRAWS, Hashing.seed("budget-quantiles"));
        List<Interval> accuracies = IntStream.range(0, variantIds.size())
                .mapToObj(v -> new Interval(fit.accuracy(v), fit.accuracyAt(fit.ability()[v] - 1.96 * fit.abilitySd()[v]),
                        fit.accuracyAt(fit.ability()[v] + 1.96 * fit.abilitySd()[v])))
                .toList();
        int best = ranked(survivors).get(0);
        int worst = IntStream.range(0, variantIds.size()).boxed()
                .min(Comparator.comparingDouble((Integer v) -> fit.ability()[v]).thenComparing(v -> v)).orElseThrow();
        return new BudgetEstimate(calls, variantIds.get(best), heldOutAccuracy(best), variantIds.get(worst),
                accuracies.get(worst), interval(quantiles[0]), interval(quantiles[1]), interval(quantiles[2]), accuracies);
    }

    /** The 95% intervals of the quantiles all narrower than the target. */
    private boolean tightEnough() {
        if (targetIntervalWidth <= 0) {
            return false;
        }
        BudgetEstimate estimate = estimate();
        return List.of(estimate.q05(), estimate.q50(), estimate.q95()).stream()
                .allMatch(q -> q.high() - q.low() < targetIntervalWidth);
    }

    /**
     * Every variant on {@code perVariant} more items it has not been asked, from one hashed order of all items,
     * variant {@code v} starting {@code v * items / variants} places in: every item is asked about equally often.
     */
    private List<Cell> balanced(int perVariant) {
        int stride = Math.max(1, itemIds.size() / variantIds.size());
        List<Cell> round = new ArrayList<>();
        for (int v = 0; v < variantIds.size(); v++) {
            int start = (v * stride) % balancedOrder.size();
            List<Integer> rotated = new ArrayList<>(balancedOrder.subList(start, balancedOrder.size()));
            rotated.addAll(balancedOrder.subList(0, start));
            round.addAll(unasked(v, rotated, perVariant));
        }
        List<Cell> granted = allocate(round);
        granted.forEach(cell -> balancedCell[cell(cell.variant(), cell.item())] = true);
        return granted;
    }

    /** Every survivor on the first selection items it has not been asked, the same items for all where it can. */
    private List<Cell> halvingRound() {
        int roundsLeft = Math.max(1, halvingRounds - halvingRoundsAsked);
        halvingRoundsAsked++;
        int halvingLeft = Math.max(0, halvingBudget() - halvingSpent);
        int perVariant = Math.max(1, halvingLeft / roundsLeft / survivors.size());
        List<Cell> round = new ArrayList<>();
        for (int v : survivors) {
            round.addAll(unasked(v, selectionOrder, perVariant));
        }
        List<Cell> granted = allocate(round.subList(0, Math.min(round.size(), halvingLeft)));
        halvingSpent += granted.size();
        return granted;
    }

    /** What the budget leaves for halving once the design share and the scoring reserve are set aside. */
    private int halvingBudget() {
        int scoringReserve = Math.min((int) (SCORING_SHARE * callLimit), scoringOrder.size());
        return Math.max(0, callLimit - (int) (DESIGN_SHARE * callLimit) - scoringReserve);
    }

    private List<Cell> unasked(int variant, List<Integer> order, int count) {
        List<Cell> cells = new ArrayList<>();
        for (int item : order) {
            if (cells.size() == count) {
                break;
            }
            if (!allocated[cell(variant, item)]) {
                cells.add(new Cell(variant, item));
            }
        }
        return cells;
    }

    /** Marks the cells allocated, as many as the budget has left, in order. */
    private List<Cell> allocate(List<Cell> wanted) {
        List<Cell> granted = wanted.subList(0, Math.min(wanted.size(), callLimit - calls));
        for (Cell cell : granted) {
            int index = cell(cell.variant(), cell.item());
            allocated[index] = true;
            variantOf[calls] = cell.variant();
            itemOf[calls] = cell.item();
            calls++;
        }
        return List.copyOf(granted);
    }

    /** The variants best first by their abilities fitted on the selection half's outcomes alone (ties: index). */
    private List<Integer> ranked(List<Integer> variants) {
        Observations selection = observations(true);
        ItemResponseModel.Fit fit = ItemResponseModel.fit(variantIds.size(), itemIds.size(), selection.outcomes());
        return variants.stream()
                .sorted(Comparator.comparingDouble((Integer v) -> -fit.ability()[v]).thenComparing(v -> v))
                .toList();
    }

    /** The variant's accuracy on the scoring half, with a 95% normal interval; NaN when it has no scoring outcome. */
    private Interval heldOutAccuracy(int variant) {
        int asked = 0;
        int correct = 0;
        for (int item = 0; item < itemIds.size(); item++) {
            int cell = cell(variant, item);
            if (!selectionHalf[item] && recorded[cell]) {
                asked++;
                correct += correctOf[cell] ? 1 : 0;
            }
        }
        if (asked == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double accuracy = (double) correct / asked;
        double margin = 1.96 * Math.sqrt(accuracy * (1 - accuracy) / asked);
        return new Interval(accuracy, Math.max(0, accuracy - margin), Math.min(1, accuracy + margin));
    }

    private Observations observations(boolean selectionOnly) {
        int[] kept = IntStream.range(0, calls)
                .filter(k -> recorded[cell(variantOf[k], itemOf[k])] && (!selectionOnly || selectionHalf[itemOf[k]]))
                .toArray();
        Observations observations = new Observations(new int[kept.length], new int[kept.length],
                new boolean[kept.length], new boolean[kept.length]);
        for (int j = 0; j < kept.length; j++) {
            int cell = cell(variantOf[kept[j]], itemOf[kept[j]]);
            observations.variant[j] = variantOf[kept[j]];
            observations.item[j] = itemOf[kept[j]];
            observations.correct[j] = correctOf[cell];
            observations.balanced[j] = balancedCell[cell];
        }
        return observations;
    }

    /** Recorded outcomes, and which of them came from a balanced round. */
    private record Observations(int[] variant, int[] item, boolean[] correct, boolean[] balanced) {

        ItemResponseModel.Outcomes outcomes() {
            return new ItemResponseModel.Outcomes(variant, item, correct);
        }

        ItemResponseModel.Outcomes subset(boolean[] keep) {
            int[] kept = IntStream.range(0, keep.length).filter(k -> keep[k]).toArray();
            return new ItemResponseModel.Outcomes(Arrays.stream(kept).map(k -> variant[k]).toArray(),
                    Arrays.stream(kept).map(k -> item[k]).toArray(), booleans(kept));
        }

        private boolean[] booleans(int[] kept) {
            boolean[] subset = new boolean[kept.length];
            for (int j = 0; j < kept.length; j++) {
                subset[j] = correct[kept[j]];
            }
            return subset;
        }
    }

    private List<Integer> hashedOrder(String purpose, boolean selection) {
        return IntStream.range(0, itemIds.size()).boxed()
                .filter(i -> selectionHalf[i] == selection)
                .sorted(Comparator.comparingDouble(i -> Hashing.uniform(purpose, itemIds.get(i))))
                .toList();
    }

    private int cell(int variant, int item) {
        return variant * itemIds.size() + item;
    }

    private static Interval interval(double[] estimateLowHigh) {
        return new Interval(estimateLowHigh[0], estimateLowHigh[1], estimateLowHigh[2]);
    }
}
