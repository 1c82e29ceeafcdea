package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import dev.headroom.core.stats.ElicitationReport.LabelBias;
import dev.headroom.core.stats.ElicitationReport.Quantiles;
import dev.headroom.core.stats.ElicitationReport.VariantScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Turns the scored tasks of one model (one run) into {@link ElicitationReport}s. Pure and deterministic: the same
 * rows and settings give the same report, in any row order.
 */
public final class ElicitationAnalysis {

    private ElicitationAnalysis() {
    }

    public static ModelAnalysis analyse(Collection<ScoredTask> tasks, AnalysisSettings settings) {
        return analyse(ScoredCells.of(tasks), settings);
    }

    /** The same from a model's tasks kept as cells, however many: what a store streams its rows into. */
    public static ModelAnalysis analyse(ScoredCells cells, AnalysisSettings settings) {
        return new ModelAnalysis(report("all", cells, cells.all(), settings),
                reports("benchmark=", cells, cells::benchmark, settings),
                reports("subject=", cells, item -> cells.benchmark(item) + "/" + cells.subject(item), settings));
    }

    /** The report of one scope: the tasks given, whatever they are. */
    public static ElicitationReport report(String scope, Collection<ScoredTask> tasks, AnalysisSettings settings) {
        ScoredCells cells = ScoredCells.of(tasks);
        return report(scope, cells, cells.all(), settings);
    }

    private static ElicitationReport report(String scope, ScoredCells cells, int[] tasks, AnalysisSettings settings) {
        VariantMatrix matrix = VariantMatrix.of(cells, tasks);
        Bootstrap bootstrap = Bootstrap.of(matrix, settings.resamples(), settings.seed());
        Tally estimate = bootstrap.estimate();
        int plain = settings.plainVariantId() == null ? -1 : matrix.variantIds().indexOf(settings.plainVariantId());
        Interval plainAccuracy = plain < 0 ? null : bootstrap.interval(tally -> tally.accuracy(plain));
        int best = estimate.best();
        return new ElicitationReport(scope, matrix.items(), matrix.variants(), tasks.length,
                plain < 0 ? null : settings.plainVariantId(), plainAccuracy,
                bootstrap.interval(Tally::unparsedRate),
                best < 0 ? null : matrix.variantIds().get(best),
                bootstrap.interval(Tally::maxP),
                bootstrap.interval(Tally::heldOutBest),
                heldOutChoices(matrix, estimate),
                bootstrap.interval(tally -> tally.maxP() - tally.heldOutBest()),
                bootstrap.interval(Tally::avgP),
                bootstrap.interval(Tally::min),
                new Quantiles(bootstrap.interval(tally -> tally.quantile(0.05)),
                        bootstrap.interval(tally -> tally.quantile(0.25)),
                        bootstrap.interval(tally -> tally.quantile(0.50)),
                        bootstrap.interval(tally -> tally.quantile(0.75)),
                        bootstrap.interval(tally -> tally.quantile(0.95))),
                bootstrap.interval(Tally::spread),
                bootstrap.interval(Tally::standardDeviation),
                bootstrap.interval(Tally::cps),
                bootstrap.interval(Tally::pss),
                bootstrap.interval(Tally::majorityVote),
                bootstrap.interval(tally -> tally.majorityVote() - tally.maxP()),
                bootstrap.interval(Tally::oracle),
                bootstrap.interval(Tally::allCorrect),
                labelBias(cells, tasks, bootstrap),
                plain < 0 ? null : bootstrap.interval(tally -> tally.heldOutBest() - tally.accuracy(plain)),
                plain < 0 ? null : bootstrap.interval(tally -> tally.heldOutBest() / tally.accuracy(plain)),
                marginals(matrix, bootstrap),
                perVariant(matrix, cells, tasks, bootstrap));
    }

    private static List<String> heldOutChoices(VariantMatrix matrix, Tally estimate) {
        int onFirst = estimate.bestOnFirstHalf();
        int onSecond = estimate.bestOnSecondHalf();
        return onFirst < 0 || onSecond < 0 ? List.of()
                : List.of(matrix.variantIds().get(onFirst), matrix.variantIds().get(onSecond));
    }

    /** One report per group of items: an item's tasks all fall in its group. */
    private static Map<String, ElicitationReport> reports(String prefix, ScoredCells cells, IntFunction<String> groupOfItem,
                                                          AnalysisSettings settings) {
        String[] groups = new String[cells.items()];
        Arrays.setAll(groups, groupOfItem::apply);
        Map<String, IntStream.Builder> members = new TreeMap<>();
        for (int task = 0; task < cells.size(); task++) {
            members.computeIfAbsent(groups[cells.item(task)], group -> IntStream.builder()).add(task);
        }
        Map<String, ElicitationReport> reports = new TreeMap<>();
        members.forEach((name, group) -> reports.put(name, report(prefix + name, cells, group.build().toArray(), settings)));
        return reports;
    }

    private static LabelBias labelBias(ScoredCells cells, int[] tasks, Bootstrap bootstrap) {
        return new LabelBias(bootstrap.interval(Tally::rStd),
                counts(tasks, task -> positionOrNull(cells.goldPosition(task))),
                counts(tasks, task -> positionOrNull(cells.chosenPosition(task))),
                counts(tasks, cells::chosenLabel));
    }

    private static Integer positionOrNull(int position) {
        return position < 0 ? null : position;
    }

    private static <K extends Comparable<K>> Map<K, Long> counts(int[] tasks, IntFunction<K> key) {
        Map<K, Long> counts = new TreeMap<>();
        for (int task : tasks) {
            K value = key.apply(task);
            if (value != null) {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Per dimension, per value, the mean accuracy of the variants that have that value. */
    private static Map<String, Map<String, Interval>> marginals(VariantMatrix matrix, Bootstrap bootstrap) {
        Map<String, Map<String, List<Integer>>> variantsByValue = new TreeMap<>();
        for (int variant = 0; variant < matrix.variants(); variant++) {
            int index = variant;
            matrix.dimensions(variant).forEach((dimension, value) -> variantsByValue
                    .computeIfAbsent(dimension, d -> new TreeMap<>())
                    .computeIfAbsent(value, v -> new ArrayList<>())
                    .add(index));
        }
        Map<String, Map<String, Interval>> marginals = new TreeMap<>();
        variantsByValue.forEach((dimension, byValue) -> {
            Map<String, Interval> means = new TreeMap<>();
            byValue.forEach((value, variants) -> means.put(value, bootstrap.interval(tally -> tally.meanAccuracy(variants))));
            marginals.put(dimension, means);
        });
        return marginals;
    }

    private static List<VariantScore> perVariant(VariantMatrix matrix, ScoredCells cells, int[] tasks,
                                                 Bootstrap bootstrap) {
        Map<String, VariantCounts> byVariant = new HashMap<>();
        for (int task : tasks) {
            byVariant.computeIfAbsent(cells.variantId(cells.variant(task)), id -> new VariantCounts())
                    .add(cells.outcome(task), cells.goldProbability(task));
        }
        List<VariantScore> scores = new ArrayList<>();
        for (int variant = 0; variant < matrix.variants(); variant++) {
            int index = variant;
            String id = matrix.variantIds().get(variant);
            VariantCounts counts = byVariant.get(id);
            scores.add(new VariantScore(id, matrix.dimensions(variant), counts.tasks, counts.correct, counts.unparsed,
                    bootstrap.interval(tally -> tally.accuracy(index)),
                    bootstrap.interval(tally -> tally.rStd(index)),
                    counts.goldProbability.getCount() == 0 ? null : counts.goldProbability.getAverage()));
        }
        return scores;
    }

    /** One variant's tasks in a scope: counts, and the gold probabilities that were given. */
    private static final class VariantCounts {
        private int tasks;
        private int correct;
        private int unparsed;
        private final DoubleSummaryStatistics goldProbability = new DoubleSummaryStatistics();

        void add(Outcome outcome, double probability) {
            tasks++;
            correct += outcome == Outcome.CORRECT ? 1 : 0;
            unparsed += outcome == Outcome.UNPARSED ? 1 : 0;
            if (!Double.isNaN(probability)) {
                goldProbability.accept(probability);
            }
        }
    }
}
