package dev.headroom.core.budget;

import dev.headroom.core.stats.VariantMatrix;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The budgeted elicitation judged against a fully answered grid with known truth, beside the exhaustive run and
 * uniform random sampling of the same number of calls. Every method picks its best variant on the selection half
 * and scores it on the scoring half ({@link VariantMatrix#firstHalf}); its errors are against the truth
 * {@link AnswerGrid#truth()}.
 */
public final class BudgetEvaluation {

    private static final double[] QUANTILES = {0.05, 0.50, 0.95};
    private static final int QUANTILE_DRAWS = 200;

    private BudgetEvaluation() {
    }

    /**
     * Errors of one method on one grid, in accuracy (0..1).
     *
     * @param regret        best true accuracy minus the true accuracy of the variant picked
     * @param estimateError |reported held-out accuracy of the pick - its true accuracy|
     * @param q05           |estimated 5% quantile of the variants' accuracies - the quantile of their true accuracies|
     * @param calls         calls spent
     */
    public record Errors(double regret, double estimateError, double q05, double q50, double q95, int calls) {
    }

    /** Every variant on every item. */
    public static Errors exhaustive(AnswerGrid grid) {
        int variants = grid.variantIds().size();
        int items = grid.itemIds().size();
        boolean[][] asked = new boolean[variants][items];
        Arrays.stream(asked).forEach(row -> Arrays.fill(row, true));
        return rawMeans(grid, asked, variants * items);
    }

    /** {@code calls} pairs drawn uniformly without replacement; per-variant raw means. */
    public static Errors uniform(AnswerGrid grid, int calls, long seed) {
        return rawMeans(grid, uniformSample(grid, calls, seed), calls);
    }

    /** The same uniform sample, the quantiles from the item-response model instead of the raw means. */
    public static Errors uniformWithModel(AnswerGrid grid, int calls, long seed) {
        boolean[][] asked = uniformSample(grid, calls, seed);
        Errors raw = rawMeans(grid, asked, calls);
        int[][] observations = observations(asked, calls);
        boolean[] correct = new boolean[calls];
        for (int k = 0; k < calls; k++) {
            correct[k] = grid.correct()[observations[0][k]][observations[1][k]];
        }
        ItemResponseModel.Fit fit = ItemResponseModel.fit(asked.length, asked[0].length,
                new ItemResponseModel.Outcomes(observations[0], observations[1], correct));
        double[][] quantiles = fit.accuracyQuantiles(QUANTILES, QUANTILE_DRAWS, seed);
        double[] truth = truthQuantiles(grid);
        return new Errors(raw.regret(), raw.estimateError(), Math.abs(quantiles[0][0] - truth[0]),
                Math.abs(quantiles[1][0] - truth[1]), Math.abs(quantiles[2][0] - truth[2]), calls);
    }

    /** {@link BudgetedElicitation} round by round, answering each round from the grid. */
    public static Errors adaptive(AnswerGrid grid, int calls) {
        BudgetedElicitation elicitation = new BudgetedElicitation(grid.variantIds(), grid.itemIds(), calls, 0);
        while (!elicitation.finished()) {
            elicitation.nextRound().forEach(cell ->
                    elicitation.record(cell.variant(), cell.item(), grid.correct()[cell.variant()][cell.item()]));
        }
        BudgetEstimate estimate = elicitation.estimate();
        int pick = grid.variantIds().indexOf(estimate.bestVariant());
        double[] truth = truthQuantiles(grid);
        return new Errors(bestTruth(grid) - grid.truth()[pick], Math.abs(estimate.bestHeldOut().estimate() - grid.truth()[pick]),
                Math.abs(estimate.q05().estimate() - truth[0]), Math.abs(estimate.q50().estimate() - truth[1]),
                Math.abs(estimate.q95().estimate() - truth[2]), elicitation.calls());
    }

    private static Errors rawMeans(AnswerGrid grid, boolean[][] asked, int calls) {
        boolean[] selection = VariantMatrix.firstHalf(grid.itemIds());
        int variants = asked.length;
        double[] all = new double[variants];
        double[] selecting = new double[variants];
        double[] scoring = new double[variants];
        for (int v = 0; v < variants; v++) {
            int[] counts = new int[6];
            for (int i = 0; i < asked[v].length; i++) {
                if (asked[v][i]) {
                    int half = selection[i] ? 0 : 2;
                    counts[half]++;
                    counts[half + 1] += grid.correct()[v][i] ? 1 : 0;
                }
            }
            selecting[v] = counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0];
            scoring[v] = counts[2] == 0 ? Double.NaN : (double) counts[3] / counts[2];
            all[v] = counts[0] + counts[2] == 0 ? Double.NaN : (double) (counts[1] + counts[3]) / (counts[0] + counts[2]);
        }
        int pick = IntStream.range(0, variants).filter(v -> !Double.isNaN(selecting[v])).boxed()
                .max((a, b) -> selecting[a] != selecting[b] ? Double.compare(selecting[a], selecting[b]) : Integer.compare(b, a))
                .orElse(0);
        double[] estimated = quantiles(Arrays.stream(all).filter(a -> !Double.isNaN(a)).toArray());
        double[] truth = truthQuantiles(grid);
        return new Errors(bestTruth(grid) - grid.truth()[pick], Math.abs(scoring[pick] - grid.truth()[pick]),
                Math.abs(estimated[0] - truth[0]), Math.abs(estimated[1] - truth[1]), Math.abs(estimated[2] - truth[2]),
                calls);
    }

    private static boolean[][] uniformSample(AnswerGrid grid, int calls, long seed) {
        int variants = grid.variantIds().size();
        int items = grid.itemIds().size();
        int[] cells = IntStream.range(0, variants * items).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] asked = new boolean[variants][items];
        for (int k = 0; k < calls; k++) {
            int j = k + random.nextInt(cells.length - k);
            int chosen = cells[j];
            cells[j] = cells[k];
            cells[k] = chosen;
            asked[chosen / items][chosen % items] = true;
        }
        return asked;
    }

    private static int[][] observations(boolean[][] asked, int calls) {
        int[][] observations = new int[2][calls];
        int k = 0;
        for (int v = 0; v < asked.length; v++) {
            for (int i = 0; i < asked[v].length; i++) {
                if (asked[v][i]) {
                    observations[0][k] = v;
                    observations[1][k++] = i;
                }
            }
        }
        return observations;
    }

    private static double bestTruth(AnswerGrid grid) {
        return Arrays.stream(grid.truth()).max().orElseThrow();
    }

    private static double[] truthQuantiles(AnswerGrid grid) {
        return quantiles(grid.truth());
    }

    private static double[] quantiles(double[] values) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return Arrays.stream(QUANTILES).map(q -> percentile.evaluate(values, q * 100)).toArray();
    }
}
