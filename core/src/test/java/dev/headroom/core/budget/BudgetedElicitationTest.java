package dev.headroom.core.budget;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetedElicitationTest {

    private static final List<String> VARIANTS = IntStream.range(0, 40).mapToObj(v -> "variant-" + v).toList();
    private static final List<String> ITEMS = IntStream.range(0, 300).mapToObj(i -> String.format("item-%03d", i)).toList();

    @Test
    void neverAllocatesMoreCallsThanTheBudgetNorAnyPairTwice() {
        boolean[][] grid = randomGrid(1);
        for (int budget : List.of(1, 39, 400, 1_200, 6_000, 12_000)) {
            BudgetedElicitation elicitation = new BudgetedElicitation(VARIANTS, ITEMS, budget, 0);
            int allocated = 0;
            boolean[][] seen = new boolean[VARIANTS.size()][ITEMS.size()];
            while (!elicitation.finished()) {
                for (BudgetedElicitation.Cell cell : elicitation.nextRound()) {
                    assertThat(seen[cell.variant()][cell.item()]).as("asked twice").isFalse();
                    seen[cell.variant()][cell.item()] = true;
                    allocated++;
                    elicitation.record(cell.variant(), cell.item(), grid[cell.variant()][cell.item()]);
                }
            }
            assertThat(allocated).as("budget %d", budget).isLessThanOrEqualTo(budget).isEqualTo(elicitation.calls());
        }
    }

    @Test
    void theSmallestBalancedBudgetAsksEveryVariantOnceFirst() {
        BudgetedElicitation elicitation = new BudgetedElicitation(VARIANTS, ITEMS, 6_000, 0);
        elicitation.limitCalls(elicitation.smallestBalancedBudget());

        assertThat(elicitation.nextRound()).extracting(BudgetedElicitation.Cell::variant)
                .containsExactlyElementsOf(IntStream.range(0, VARIANTS.size()).boxed().toList());
    }

    @Test
    void findsByIdsOnlyTheCallsAllocatedSoFar() {
        BudgetedElicitation elicitation = new BudgetedElicitation(VARIANTS, ITEMS, 6_000, 0);
        elicitation.limitCalls(elicitation.smallestBalancedBudget());
        BudgetedElicitation.Cell asked = elicitation.nextRound().get(0);
        String variant = elicitation.variantIds().get(asked.variant());

        assertThat(elicitation.allocatedCell(variant, elicitation.itemIds().get(asked.item()))).contains(asked);
        assertThat(elicitation.allocatedCell(variant, "no-such-item")).isEmpty();
        assertThat(elicitation.allocatedCell(variant, elicitation.itemIds().get((asked.item() + 1) % ITEMS.size())))
                .isEmpty();
    }

    @Test
    void aLimitRaisedAgainBetweenRoundsNeverPassesTheBudgetTheElicitationWasMadeWith() {
        boolean[][] grid = randomGrid(5);
        BudgetedElicitation elicitation = new BudgetedElicitation(VARIANTS, ITEMS, 2_000, 0);
        elicitation.limitCalls(elicitation.smallestBalancedBudget());
        while (!elicitation.finished()) {
            elicitation.nextRound().forEach(cell -> elicitation.record(cell.variant(), cell.item(),
                    grid[cell.variant()][cell.item()]));
            elicitation.limitCalls(1_000_000);
        }

        assertThat(elicitation.calls()).isGreaterThan(elicitation.smallestBalancedBudget()).isLessThanOrEqualTo(2_000);
    }

    @Test
    void aLimitLoweredBelowTheCallsAllocatedEndsTheElicitationWithThem() {
        boolean[][] grid = randomGrid(6);
        BudgetedElicitation elicitation = new BudgetedElicitation(VARIANTS, ITEMS, 2_000, 0);
        elicitation.nextRound().forEach(cell -> elicitation.record(cell.variant(), cell.item(),
                grid[cell.variant()][cell.item()]));
        int asked = elicitation.calls();

        elicitation.limitCalls(0);
        while (!elicitation.finished()) {
            assertThat(elicitation.nextRound()).isEmpty();
        }

        assertThat(elicitation.calls()).isEqualTo(asked);
    }

    /** The pick depends on the selection half alone: other outcomes on the scoring half change its score, not it. */
    @Test
    void theScoringHalfNeverSelectsTheVariantItScores() {
        boolean[][] grid = randomGrid(2);
        boolean[][] flipped = new boolean[grid.length][];
        BudgetedElicitation probe = new BudgetedElicitation(VARIANTS, ITEMS, 1, 0);
        for (int v = 0; v < grid.length; v++) {
            flipped[v] = grid[v].clone();
            for (int i = 0; i < ITEMS.size(); i++) {
                flipped[v][i] ^= !probe.selects(i);
            }
        }

        BudgetEstimate original = run(grid);
        BudgetEstimate withScoringHalfFlipped = run(flipped);

        assertThat(withScoringHalfFlipped.bestVariant()).isEqualTo(original.bestVariant());
        assertThat(withScoringHalfFlipped.bestHeldOut().estimate())
                .isCloseTo(1 - original.bestHeldOut().estimate(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void findsTheBestVariantWhenOneStandsOut() {
        boolean[][] grid = randomGrid(3);
        int standout = 17;
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < ITEMS.size(); i++) {
            grid[standout][i] = random.nextDouble() < 0.9;
        }

        assertThat(run(grid).bestVariant()).isEqualTo(VARIANTS.get(standout));
    }

    private static BudgetEstimate run(boolean[][] grid) {
        BudgetedElicitation elicitation = new BudgetedElicitation(VARIANTS, ITEMS, 1_200, 0);
        while (!elicitation.finished()) {
            elicitation.nextRound().forEach(cell ->
                    elicitation.record(cell.variant(), cell.item(), grid[cell.variant()][cell.item()]));
        }
        return elicitation.estimate();
    }

    /** Variants answering at 0.5 to 0.7 at random, independently per item. */
    private static boolean[][] randomGrid(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] grid = new boolean[VARIANTS.size()][ITEMS.size()];
        for (int v = 0; v < VARIANTS.size(); v++) {
            double accuracy = 0.5 + 0.2 * v / VARIANTS.size();
            for (int i = 0; i < ITEMS.size(); i++) {
                grid[v][i] = random.nextDouble() < accuracy;
            }
        }
        return grid;
    }
}
