package dev.headroom.aggregator;

import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.stats.AnalysisSettings;
import dev.headroom.core.stats.ElicitationAnalysis;
import dev.headroom.core.stats.ScoredTask;
import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CountStatisticsTest {

    @Test
    void theGaugesFromRunningCountsEqualTheAnalysisEstimates() {
        List<Variant> variants = TestScores.variants(7);
        SplittableRandom random = new SplittableRandom(7);
        List<Score> scores = new ArrayList<>();
        for (int item = 0; item < 60; item++) {
            for (Variant variant : variants) {
                int draw = random.nextInt(5);
                scores.add(TestScores.score("r", "m", "geo", item, variant, draw == 4 ? null : draw, item % 4));
            }
        }
        List<ScoredTask> tasks = scores.stream().map(ScoredTask::of).toList();
        AnalysisSettings estimates = AnalysisSettings.DEFAULT.withResamples(0);
        Map<String, Double> expected = StatisticTable.rows(ElicitationAnalysis.analyse(tasks, estimates).overall())
                .entrySet().stream().filter(row -> RunGauges.COUNT_STATISTICS.contains(row.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, row -> row.getValue().estimate()));

        Map<String, Double> fromCounts = RunGauges.countStatistics(variantRows(tasks), estimates.plainVariantId());

        assertThat(fromCounts).containsOnlyKeys(RunGauges.COUNT_STATISTICS);
        assertThat(fromCounts).isEqualTo(expected);
    }

    /** What variant_summary holds for these tasks. */
    private static List<RunStore.VariantRow> variantRows(List<ScoredTask> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(ScoredTask::variantId)).entrySet().stream()
                .map(variant -> {
                    List<ScoredTask> rows = variant.getValue();
                    long correct = rows.stream().filter(ScoredTask::correct).count();
                    long unparsed = rows.stream().filter(task -> task.outcome() == Outcome.UNPARSED).count();
                    return new RunStore.VariantRow("m", variant.getKey(), variant.getKey(), rows.size(), correct,
                            unparsed, (double) correct / rows.size(), null, null, Map.of());
                }).toList();
    }
}
