package dev.headroom.aggregator;

import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.Accuracies;
import dev.headroom.core.stats.AnalysisSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The per-run gauges of docs/metrics.md, recomputed from Postgres every refresh interval for the runs active within
 * the window; the series of other runs are removed. Labels stay bounded: per-variant series only for the top and
 * bottom k variants of each (run, model). What the running per-variant counts give ({@link #COUNT_STATISTICS}) is
 * exact at every refresh and costs one small query whatever the run's size; the statistics that need every item
 * ({@link #ITEM_STATISTICS}) come from the run's analysis, redone at most every item-statistics interval, since it
 * reads every score of the run.
 */
@Startup
@ApplicationScoped
public class RunGauges {

    /** Statistics of {@code headroom_elicitation_score} computed from {@code variant_summary} at every refresh. */
    static final Set<String> COUNT_STATISTICS = Set.of("plain", "maxp", "avgp", "min", "spread", "unparsed_rate");
    /** Statistics of {@code headroom_elicitation_score} that need per-item state; the rest stay in REST. */
    static final Set<String> ITEM_STATISTICS = Set.of("heldout_best", "majority_vote", "oracle", "gap");

    /** A run's per-item statistics by model and statistic, and when they were computed. */
    private record ItemStatistics(Instant computedAt, Map<String, Map<String, Double>> byModel) {
    }

    @Inject
    RunStore runs;

    @Inject
    RunStatistics statistics;

    @Inject
    AggregatorConfig config;

    @Inject
    MeterRegistry registry;

    private GaugeBoard board;
    /** Touched by the refresher thread only. */
    private final Map<String, ItemStatistics> itemStatistics = new HashMap<>();
    private ScheduledExecutorService refresher;

    @PostConstruct
    void start() {
        board = new GaugeBoard(registry);
        refresher = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "run-gauges"));
        long interval = config.metrics().refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshLogged, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Before the datasource closes, so that no refresh runs into it. */
    void stop(@Observes ShutdownEvent shutdown) {
        refresher.shutdownNow();
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the next refresh tries again; a thrown exception would end the schedule
            Log.warnf(e, "refreshing the run gauges failed");
        }
    }

    void refresh() {
        Map<GaugeBoard.Series, Double> values = new HashMap<>();
        List<String> active = runs.activeRuns(config.metrics().activeWindow());
        itemStatistics.keySet().retainAll(active);
        for (String runId : active) {
            List<RunStore.VariantRow> variants = runs.variants(runId, null);
            Map<String, List<RunStore.VariantRow>> byModel = new HashMap<>();
            variants.forEach(row -> byModel.computeIfAbsent(row.model(), m -> new ArrayList<>()).add(row));
            byModel.forEach((model, rows) -> {
                Tags tags = Tags.of("run", runId, "model", model);
                values.put(new GaugeBoard.Series("headroom.run.tasks.scored", tags),
                        (double) rows.stream().mapToLong(RunStore.VariantRow::items).sum());
                // zero rather than absent, so a dashboard shows a scoring model's dead letters as a flat line
                values.put(new GaugeBoard.Series("headroom.run.tasks.dead.lettered", tags), 0.0);
                for (VariantRanking.Ranked ranked : VariantRanking.extremes(rows, config.metrics().variantsPerRank())) {
                    values.put(new GaugeBoard.Series("headroom.variant.accuracy", tags.and("variant",
                            ranked.variant().variantName(), "rank", ranked.rank().name().toLowerCase(Locale.ROOT))),
                            ranked.variant().accuracy());
                }
                countStatistics(rows, AnalysisSettings.DEFAULT.plainVariantId()).forEach((statistic, value) ->
                        values.put(score(runId, model, statistic), value));
            });
            for (RunSummary.DeadLetters deadLetters : runs.deadLetters(runId)) {
                values.merge(new GaugeBoard.Series("headroom.run.tasks.dead.lettered",
                        Tags.of("run", runId, "model", String.valueOf(deadLetters.model()))),
                        (double) deadLetters.tasks(), Double::sum);
            }
            itemStatistics(runId).byModel().forEach((model, statistics) -> statistics.forEach((statistic, value) ->
                    values.put(score(runId, model, statistic), value)));
        }
        board.publish(values);
    }

    private static GaugeBoard.Series score(String runId, String model, String statistic) {
        return new GaugeBoard.Series("headroom.elicitation.score",
                Tags.of("run", runId, "model", model, "statistic", statistic));
    }

    /**
     * The {@link #COUNT_STATISTICS} of one (run, model) from its variants' running counts: the same values as the
     * analysis' estimates, variants ranked in id order as it ranks them. A statistic without a value is left out.
     */
    static Map<String, Double> countStatistics(List<RunStore.VariantRow> variants, String plainVariantId) {
        List<RunStore.VariantRow> byId = variants.stream()
                .sorted(Comparator.comparing(RunStore.VariantRow::variantId)).toList();
        double[] accuracy = byId.stream().mapToDouble(v -> Accuracies.of(v.correct(), v.items())).toArray();
        Map<String, Double> statistics = new HashMap<>();
        for (int v = 0; v < byId.size(); v++) {
            if (byId.get(v).variantId().equals(plainVariantId)) {
                putFinite(statistics, "plain", accuracy[v]);
            }
        }
        putFinite(statistics, "maxp", Accuracies.maxP(accuracy));
        putFinite(statistics, "avgp", Accuracies.avgP(accuracy));
        putFinite(statistics, "min", Accuracies.min(accuracy));
        putFinite(statistics, "spread", Accuracies.spread(accuracy));
        putFinite(statistics, "unparsed_rate", (double) byId.stream().mapToLong(RunStore.VariantRow::unparsed).sum()
                / byId.stream().mapToLong(RunStore.VariantRow::items).sum());
        return statistics;
    }

    private static void putFinite(Map<String, Double> statistics, String name, double value) {
        if (Double.isFinite(value)) {
            statistics.put(name, value);
        }
    }

    /** The run's last per-item statistics, recomputed when they are older than the item-statistics interval. */
    private ItemStatistics itemStatistics(String runId) {
        Instant now = Instant.now();
        ItemStatistics last = itemStatistics.get(runId);
        if (last == null || !now.isBefore(last.computedAt().plus(config.metrics().itemStatisticsInterval()))) {
            Map<String, Map<String, Double>> byModel = new HashMap<>();
            statistics.estimates(runId).models().forEach((model, analysis) -> {
                Map<String, Double> values = new HashMap<>();
                StatisticTable.rows(analysis.overall()).forEach((statistic, value) -> {
                    if (ITEM_STATISTICS.contains(statistic)) {
                        values.put(statistic, value.estimate());
                    }
                });
                byModel.put(model, values);
            });
            last = new ItemStatistics(now, byModel);
            itemStatistics.put(runId, last);
        }
        return last;
    }
}
