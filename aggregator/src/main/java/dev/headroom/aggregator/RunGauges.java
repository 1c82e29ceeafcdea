package dev.headroom.aggregator;

import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.Interval;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
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
 * bottom k variants of each (run, model).
 */
@Startup
@ApplicationScoped
public class RunGauges {

    /** The statistics published as {@code headroom_elicitation_score}; the rest stay in REST. */
    static final Set<String> PUBLISHED_STATISTICS = Set.of("plain", "heldout_best", "maxp", "avgp", "min", "spread",
            "majority_vote", "oracle", "unparsed_rate", "gap");

    @Inject
    RunStore runs;

    @Inject
    RunStatistics statistics;

    @Inject
    AggregatorConfig config;

    @Inject
    MeterRegistry registry;

    private GaugeBoard board;
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
        for (String runId : runs.activeRuns(config.metrics().activeWindow())) {
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
            });
            for (RunSummary.DeadLetters deadLetters : runs.deadLetters(runId)) {
                values.merge(new GaugeBoard.Series("headroom.run.tasks.dead.lettered",
                        Tags.of("run", runId, "model", String.valueOf(deadLetters.model()))),
                        (double) deadLetters.tasks(), Double::sum);
            }
            statistics.estimates(runId).models().forEach((model, analysis) -> {
                Map<String, Interval> rows = StatisticTable.rows(analysis.overall());
                rows.keySet().retainAll(PUBLISHED_STATISTICS);
                rows.forEach((statistic, value) -> values.put(new GaugeBoard.Series("headroom.elicitation.score",
                        Tags.of("run", runId, "model", model, "statistic", statistic)), value.estimate()));
            });
        }
        board.publish(values);
    }
}
