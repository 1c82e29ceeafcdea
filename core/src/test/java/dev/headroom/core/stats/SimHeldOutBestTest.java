package dev.headroom.core.stats;

import dev.headroom.core.TestItems;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.scoring.Scorer;
import dev.headroom.core.sim.SimModel;
import dev.headroom.core.sim.SimGrid;
import dev.headroom.core.sim.SimProfiles;
import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The held-out best against the naive MaxP on sim models, whose truth is known. For one seed: a copy of the
 * sim-7b-base profile named after the seed (so its per-variant format shifts are drawn anew), fresh items (so
 * their difficulties and the answers are too), every item rendered under every variant of a 100-variant grid,
 * answered by {@link SimModel#answer}, graded by {@link Scorer}.
 *
 * <p>The truth of a variant v is its true accuracy on these items, {@code T(v) = mean_i P(correct | item i, v)}
 * with P from {@link SimModel#correctProbability}. Each estimator is checked against the truth of what it picked:
 * MaxP claims the variant it picked (the best on all items, v*) scores MaxP, so its truth is T(v*); the held-out
 * best claims that the variants it picked on one half score that on the other, so its truth is the mean of T over
 * its two picks, weighted like the estimate by the size of the half each was scored on (equal halves here).
 * Printed besides, without assertion: both errors against T(v*) and against the best truth, max_v T(v).
 */
class SimHeldOutBestTest {

    private static final int SEEDS = 20;
    /** 200 by default; -Dheadroom.sim.items=1000 to see how the errors shrink with more items. */
    private static final int ITEMS = Integer.getInteger("headroom.sim.items", 200);
    private static final List<Variant> GRID = SimGrid.formatGrid();

    @Test
    void overTwentySeedsTheHeldOutBestIsCloserToTheTruthOfItsPicksThanMaxP() {
        Errors heldOut = new Errors();
        Errors maxP = new Errors();
        for (int seed = 0; seed < SEEDS; seed++) {
            SimModel model = new SimModel(SimGrid.reseeded(SimProfiles.named("sim-7b-base"), seed));
            List<ScoredTask> tasks = new ArrayList<>();
            Map<String, Double> truth = new HashMap<>();
            for (Item item : SimGrid.syntheticItems(seed, ITEMS)) {
                for (Variant variant : GRID) {
                    TaskHeader header = TestItems.header(item, variant, model.profile().name());
                    Completion completion = new Completion(1, header, model.answer(header), Map.of(), "stop",
                            0, 0, 0, 1, "sim", null);
                    tasks.add(ScoredTask.of(Scorer.score(completion)));
                    truth.merge(variant.id(), model.correctProbability(header) / ITEMS, Double::sum);
                }
            }
            double bestTruth = truth.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();

            ElicitationReport report = ElicitationAnalysis.report("seed " + seed, tasks, new AnalysisSettings(null, 0, 0));

            double picked = report.heldOutChoices().stream().mapToDouble(truth::get).average().orElseThrow();
            double best = truth.get(report.bestVariantId());
            heldOut.add(report.heldOutBest().estimate(), picked, best, bestTruth);
            maxP.add(report.maxP().estimate(), best, best, bestTruth);
        }
        System.out.printf("sim-7b-base, %d seeds of %d items x %d variants, mean |error| held-out best vs MaxP: "
                        + "against the truth of its picks %.4f vs %.4f; against T(v*) %.4f vs %.4f; "
                        + "against max T %.4f vs %.4f%n", SEEDS, ITEMS, GRID.size(), heldOut.ofPicks / SEEDS,
                maxP.ofPicks / SEEDS, heldOut.ofReportedBest / SEEDS, maxP.ofReportedBest / SEEDS,
                heldOut.ofBestTruth / SEEDS, maxP.ofBestTruth / SEEDS);

        assertThat(heldOut.ofPicks).isLessThan(maxP.ofPicks);
    }

    /** Sums of absolute errors against three truths. */
    private static final class Errors {
        double ofPicks;
        double ofReportedBest;
        double ofBestTruth;

        void add(double estimate, double picksTruth, double reportedBestTruth, double bestTruth) {
            ofPicks += Math.abs(estimate - picksTruth);
            ofReportedBest += Math.abs(estimate - reportedBestTruth);
            ofBestTruth += Math.abs(estimate - bestTruth);
        }
    }
}
