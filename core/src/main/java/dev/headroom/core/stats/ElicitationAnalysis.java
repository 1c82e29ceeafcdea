package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import dev.headroom.core.stats.ElicitationReport.LabelBias;
import dev.headroom.core.stats.ElicitationReport.Quantiles;
import dev.headroom.core.stats.ElicitationReport.VariantScore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the scored tasks of one model (one run) into {@link ElicitationReport}s. Pure and deterministic: the same
 * rows and settings give the same report, in any row order.
 */
public final class ElicitationAnalysis {

    private ElicitationAnalysis() {
    }

    public static ModelAnalysis analyse(Collection<ScoredTask> tasks, AnalysisSettings settings) {
        return new ModelAnalysis(report("all", tasks, settings),
                reports("benchmark=", tasks, ScoredTask::benchmark, settings),
                reports("subject=", tasks, task -> task.benchmark() + "/" + task.subject(), settings));
    }

    /** The report of one scope: the tasks given, whatever they are. */
    public static ElicitationReport report(String scope, Collection<ScoredTask> tasks, AnalysisSettings settings) {
        VariantMatrix matrix = VariantMatrix.of(tasks);
        Bootstrap bootstrap = Bootstrap.of(matrix, settings.resamples(), settings.seed());
        Tally estimate = bootstrap.estimate();
        int plain = settings.plainVariantId() == null ? -1 : matrix.variantIds().indexOf(settings.plainVariantId());
        Interval plainAccuracy = plain < 0 ? null : bootstrap.interval(tally -> tally.accuracy(plain));
        int best = estimate.best();
        return new ElicitationReport(scope, matrix.items(), matrix.variants(), tasks.size(),
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
                labelBias(tasks, bootstrap),
                plain < 0 ? null : bootstrap.interval(tally -> tally.heldOutBest() - tally.accuracy(plain)),
                plain < 0 ? null : bootstrap.interval(tally -> tally.heldOutBest() / tally.accuracy(plain)),
                marginals(matrix, bootstrap),
                perVariant(matrix, tasks, bootstrap));
    }

    private static List<String> heldOutChoices(VariantMatrix matrix, Tally estimate) {
        int onFirst = estimate.bestOnFirstHalf();
        int onSecond = estimate.bestOnSecondHalf();
        return onFirst < 0 || onSecond < 0 ? List.of()
                : List.of(matrix.variantIds().get(onFirst), matrix.variantIds().get(onSecond));
    }

    private static Map<String, ElicitationReport> reports(String prefix, Collection<ScoredTask> tasks,
                                                          Function<ScoredTask, String> key, AnalysisSettings settings) {
        Map<String, List<ScoredTask>> groups = tasks.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        Map<String, ElicitationReport> reports = new TreeMap<>();
        groups.forEach((name, group) -> reports.put(name, report(prefix + name, group, settings)));
        return reports;
    }

    private static LabelBias labelBias(Collection<ScoredTask> tasks, Bootstrap bootstrap) {
        return new LabelBias(bootstrap.interval(Tally::rStd),
                counts(tasks, ScoredTask::goldPosition),
                counts(tasks, ScoredTask::chosenPosition),
                counts(tasks, ScoredTask::chosenLabel));
    }

    private static <K extends Comparable<K>> Map<K, Long> counts(Collection<ScoredTask> tasks,
                                                                  Function<ScoredTask, K> key) {
        return tasks.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
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

    private static List<VariantScore> perVariant(VariantMatrix matrix, Collection<ScoredTask> tasks, Bootstrap bootstrap) {
        Map<String, List<ScoredTask>> byVariant = tasks.stream().collect(Collectors.groupingBy(ScoredTask::variantId));
        List<VariantScore> scores = new ArrayList<>();
        for (int variant = 0; variant < matrix.variants(); variant++) {
            int index = variant;
            String id = matrix.variantIds().get(variant);
            List<ScoredTask> rows = byVariant.get(id);
            scores.add(new VariantScore(id, matrix.dimensions(variant), rows.size(),
                    (int) rows.stream().filter(ScoredTask::correct).count(),
                    (int) rows.stream().filter(task -> task.outcome() == Outcome.UNPARSED).count(),
                    bootstrap.interval(tally -> tally.accuracy(index)),
                    bootstrap.interval(tally -> tally.rStd(index)),
                    mean(rows.stream().map(ScoredTask::goldProbability).filter(Objects::nonNull).toList())));
        }
        return scores;
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
