package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every statistic on one small hand-worked matrix: 4 items (4 options each, gold at original index 0, 1, 2, 3
 * for i1..i4) under 3 variants. "p" is plain (letters, original order), "v1" letters in reversed order (position =
 * 3 - index), "v2" numbers in original order. Chosen original option per cell, U = unparsed:
 * <pre>
 *        gold  p   v1  v2        correct   p  v1  v2
 *   i1   0     0   0   0                   1   1   1
 *   i2   1     2   1   1                   0   1   1
 *   i3   2     0   0   2                   0   0   1
 *   i4   3     U   1   2                   0   0   0
 * accuracy         .25 .50 .75
 * </pre>
 * The held-out split ranks items by hash("held-out-half", id): i4 (0.163) and i2 (0.421) form the first half,
 * i1 (0.765) and i3 (0.807) the second.
 */
class ElicitationAnalysisTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final AnalysisSettings NO_RESAMPLES = AnalysisSettings.DEFAULT.withPlainVariant("p").withResamples(0);

    private static final List<ScoredTask> TASKS = List.of(
            task("i1", "p", 0, 0, 0.8), task("i2", "p", 2, 1, 0.3), task("i3", "p", 0, 2, null), task("i4", "p", null, 3, null),
            task("i1", "v1", 0, 0, null), task("i2", "v1", 1, 1, null), task("i3", "v1", 0, 2, null), task("i4", "v1", 1, 3, null),
            task("i1", "v2", 0, 0, null), task("i2", "v2", 1, 1, null), task("i3", "v2", 2, 2, null), task("i4", "v2", 2, 3, null));

    private static ScoredTask task(String item, String variant, Integer chosen, int gold, Double goldProbability) {
        boolean reversed = variant.equals("v1");
        boolean numbers = variant.equals("v2");
        Integer chosenPosition = chosen == null ? null : reversed ? 3 - chosen : chosen;
        String chosenLabel = chosenPosition == null ? null
                : numbers ? String.valueOf(chosenPosition + 1) : String.valueOf((char) ('A' + chosenPosition));
        Outcome outcome = chosen == null ? Outcome.UNPARSED : chosen == gold ? Outcome.CORRECT : Outcome.INCORRECT;
        Map<String, String> dimensions = Map.of("labels", numbers ? "number" : "upper",
                "order", reversed ? "reversed" : "original");
        return new ScoredTask("bench", "subject", item, variant, dimensions, outcome, chosen, gold,
                chosenPosition, reversed ? 3 - gold : gold, chosenLabel, goldProbability);
    }

    private static ElicitationReport report() {
        return ElicitationAnalysis.report("all", TASKS, NO_RESAMPLES);
    }

    @Test
    void countsItemsVariantsAndTasks() {
        ElicitationReport report = report();

        assertThat(List.of(report.items(), report.variants(), report.tasks())).containsExactly(4, 3, 12);
    }

    @Test
    void plainIsTheAccuracyOfTheNamedVariant() {
        assertThat(report().plain().estimate()).isCloseTo(0.25, EXACT);
    }

    @Test
    void unparsedShareIsOneCellOfTwelve() {
        assertThat(report().unparsedRate().estimate()).isCloseTo(1 / 12.0, EXACT);
    }

    @Test
    void maxPIsTheBestVariantsAccuracy() {
        ElicitationReport report = report();

        assertThat(report.maxP().estimate()).isCloseTo(0.75, EXACT);
        assertThat(report.bestVariantId()).isEqualTo("v2");
    }

    @Test
    void heldOutBestChoosesOnOneHalfAndScoresOnTheOther() {
        // first half {i2, i4}: p 0/2, v1 1/2, v2 1/2 -> v1 (tie, first by id); v1 on {i1, i3}: 1/2
        // second half {i1, i3}: p 1/2, v1 1/2, v2 2/2 -> v2; v2 on {i2, i4}: 1/2
        // (2 * 0.5 + 2 * 0.5) / 4 = 0.5; optimism of MaxP: 0.75 - 0.5 = 0.25
        ElicitationReport report = report();

        assertThat(report.heldOutBest().estimate()).isCloseTo(0.5, EXACT);
        assertThat(report.heldOutChoices()).containsExactly("v1", "v2");
        assertThat(report.maxPOptimism().estimate()).isCloseTo(0.25, EXACT);
    }

    @Test
    void averageMinimumSpreadAndStandardDeviationOverVariants() {
        // mean (0.25 + 0.5 + 0.75) / 3 = 0.5; spread 0.75 - 0.25; sd sqrt((0.0625 + 0 + 0.0625) / 2) = 0.25
        ElicitationReport report = report();

        assertThat(report.avgP().estimate()).isCloseTo(0.5, EXACT);
        assertThat(report.min().estimate()).isCloseTo(0.25, EXACT);
        assertThat(report.spread().estimate()).isCloseTo(0.5, EXACT);
        assertThat(report.standardDeviation().estimate()).isCloseTo(0.25, EXACT);
    }

    @Test
    void quantilesInterpolateBetweenSortedAccuracies() {
        // sorted .25 .5 .75, h = 2p: p5 .25 + .1 * .25; p25 .375; p50 .5; p75 .625; p95 .5 + .9 * .25
        ElicitationReport.Quantiles quantiles = report().quantiles();

        assertThat(List.of(quantiles.p5(), quantiles.p25(), quantiles.p50(), quantiles.p75(), quantiles.p95()))
                .extracting(Interval::estimate)
                .containsExactly(0.275, 0.375, 0.5, 0.625, 0.725);
    }

    @Test
    void cpsDiscountsMaxPByItsDistanceFromAvgP() {
        // (1 - (0.75 - 0.5)) * 0.75
        assertThat(report().cps().estimate()).isCloseTo(0.5625, EXACT);
    }

    @Test
    void pssIsTheMeanPairwiseDisagreementPerItem() {
        // k of 3 correct: 2k(3-k)/6 -> i1 0, i2 4/6, i3 4/6, i4 0; mean 1/3
        assertThat(report().pss().estimate()).isCloseTo(1 / 3.0, EXACT);
    }

    @Test
    void majorityVoteOracleAndAllCorrect() {
        // majority: i1 0 (right), i2 1 (right), i3 0 (wrong), i4 tie 1/2 (wrong either way) -> 0.5; vs MaxP -0.25
        // oracle: i1 i2 i3 -> 0.75; all correct: i1 -> 0.25
        ElicitationReport report = report();

        assertThat(report.majorityVote().estimate()).isCloseTo(0.5, EXACT);
        assertThat(report.majorityMinusMaxP().estimate()).isCloseTo(-0.25, EXACT);
        assertThat(report.oracle().estimate()).isCloseTo(0.75, EXACT);
        assertThat(report.allCorrect().estimate()).isCloseTo(0.25, EXACT);
    }

    @Test
    void rStdIsTheSpreadOfRecallOverGoldPositions() {
        // gold position 0: p-i1 right, v1-i4 wrong, v2-i1 right -> 2/3; 1: p-i2, v1-i3 wrong, v2-i2 right -> 1/3;
        // 2: p-i3 wrong, v1-i2, v2-i3 right -> 2/3; 3: p-i4, v2-i4 wrong, v1-i1 right -> 1/3; population sd 1/6
        assertThat(report().labelBias().rStd().estimate()).isCloseTo(1 / 6.0, EXACT);
    }

    @Test
    void chosenPositionsAndLabelsAreCounted() {
        // positions: p 0,2,0; v1 (3 - index) 3,2,3,2; v2 0,1,2,2
        ElicitationReport.LabelBias bias = report().labelBias();

        assertThat(bias.chosenPositions()).isEqualTo(Map.of(0, 3L, 1, 1L, 2, 5L, 3, 2L));
        assertThat(bias.chosenLabels()).isEqualTo(Map.of("A", 2L, "C", 3L, "D", 2L, "1", 1L, "2", 1L, "3", 2L));
        assertThat(bias.goldPositions()).isEqualTo(Map.of(0, 3L, 1, 3L, 2, 3L, 3, 3L));
    }

    @Test
    void elicitationGapAndRatioCompareHeldOutBestWithPlain() {
        // 0.5 - 0.25 and 0.5 / 0.25
        ElicitationReport report = report();

        assertThat(report.elicitationGap().estimate()).isCloseTo(0.25, EXACT);
        assertThat(report.elicitationRatio().estimate()).isCloseTo(2.0, EXACT);
    }

    @Test
    void marginalsAverageTheVariantsOfEachDimensionValue() {
        // labels: upper (p .25, v1 .5) -> .375, number (v2) -> .75; order: original (p, v2) -> .5, reversed (v1) -> .5
        Map<String, Map<String, Interval>> marginals = report().marginals();

        assertThat(marginals.get("labels").get("upper").estimate()).isCloseTo(0.375, EXACT);
        assertThat(marginals.get("labels").get("number").estimate()).isCloseTo(0.75, EXACT);
        assertThat(marginals.get("order").get("original").estimate()).isCloseTo(0.5, EXACT);
        assertThat(marginals.get("order").get("reversed").estimate()).isCloseTo(0.5, EXACT);
    }

    @Test
    void perVariantRowsCarryCountsRStdAndGoldProbability() {
        // p: recall by gold position [1, 0, 0, 0] -> population sd sqrt(3/16); mean gold probability (0.8 + 0.3) / 2
        ElicitationReport.VariantScore plain = report().perVariant().get(0);

        assertThat(plain.variantId()).isEqualTo("p");
        assertThat(List.of(plain.items(), plain.correct(), plain.unparsed())).containsExactly(4, 1, 1);
        assertThat(plain.rStd().estimate()).isCloseTo(Math.sqrt(3 / 16.0), EXACT);
        assertThat(plain.meanGoldProbability()).isCloseTo(0.55, EXACT);
        assertThat(report().perVariant().get(1).meanGoldProbability()).isNull();
    }

    @Test
    void withoutAPlainVariantTheGapIsAbsent() {
        ElicitationReport report = ElicitationAnalysis.report("all", TASKS, NO_RESAMPLES.withPlainVariant("absent"));

        assertThat(report.plain()).isNull();
        assertThat(report.elicitationGap()).isNull();
        assertThat(report.plainVariantId()).isNull();
    }

    @Test
    void missingCellsAreLeftOutOfTheirVariantsAccuracy() {
        // without v2's wrong i4, v2 is 3/3
        List<ScoredTask> partial = TASKS.stream().filter(t -> !(t.variantId().equals("v2") && t.itemId().equals("i4"))).toList();

        ElicitationReport report = ElicitationAnalysis.report("all", partial, NO_RESAMPLES);

        assertThat(report.maxP().estimate()).isCloseTo(1.0, EXACT);
        assertThat(report.tasks()).isEqualTo(11);
    }

    @Test
    void rowOrderDoesNotMatter() {
        List<ScoredTask> shuffled = new ArrayList<>(TASKS);
        Collections.shuffle(shuffled, new java.util.Random(7));
        AnalysisSettings settings = NO_RESAMPLES.withResamples(50);

        assertThat(ElicitationAnalysis.report("all", shuffled, settings))
                .isEqualTo(ElicitationAnalysis.report("all", TASKS, settings));
    }

    @Test
    void analysisReportsPerBenchmarkAndPerSubject() {
        List<ScoredTask> twoSubjects = new ArrayList<>(TASKS);
        twoSubjects.add(new ScoredTask("bench", "other", "j1", "p", Map.of(), Outcome.CORRECT, 0, 0, 0, 0, "A", null));

        ModelAnalysis analysis = ElicitationAnalysis.analyse(twoSubjects, NO_RESAMPLES);

        assertThat(analysis.overall().items()).isEqualTo(5);
        assertThat(analysis.byBenchmark()).containsOnlyKeys("bench");
        assertThat(analysis.bySubject()).containsOnlyKeys("bench/subject", "bench/other");
        assertThat(analysis.bySubject().get("bench/other").plain().estimate()).isCloseTo(1.0, EXACT);
    }
}
