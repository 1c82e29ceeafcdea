package dev.headroom.aggregator;

import dev.headroom.core.stats.AnalysisSettings;
import dev.headroom.core.stats.ElicitationAnalysis;
import dev.headroom.core.stats.ModelAnalysis;
import dev.headroom.core.stats.ScoredCells;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every model's {@link ModelAnalysis} of a run, computed by core from the stored rows (streamed into compact cells,
 * {@link ScoreRows}) and kept until the run's score count changes: a dashboard polling a finished run, or a running one between batches, costs one count query.
 */
@ApplicationScoped
public class RunStatistics {

    /** The analyses of a run and how many scored tasks they were computed from. */
    public record Analysed(String runId, long tasks, Map<String, ModelAnalysis> models) {
    }

    @Inject
    RunStore runs;

    @Inject
    ScoreRows rows;

    @Inject
    AggregatorConfig config;

    private Cache withIntervals;
    private Cache estimatesOnly;

    @PostConstruct
    void createCaches() {
        AnalysisSettings settings = new AnalysisSettings(AnalysisSettings.DEFAULT.plainVariantId(),
                config.statistics().bootstrapResamples(), config.statistics().bootstrapSeed());
        withIntervals = new Cache(settings, config.statistics().cachedRuns());
        estimatesOnly = new Cache(settings.withResamples(0), config.statistics().cachedRuns());
    }

    /** The analyses of every model of the run, with bootstrap intervals; none for a run without scores. */
    public Analysed of(String runId) {
        return withIntervals.of(runId);
    }

    /**
     * The estimates alone (interval bounds NaN): what the gauges publish, at a thousandth of the bootstrap's cost,
     * so that a large run in progress, whose count changes at every refresh, does not take the CPU the consumer needs.
     */
    public Analysed estimates(String runId) {
        return estimatesOnly.of(runId);
    }

    private final class Cache {
        private final AnalysisSettings settings;
        private final Map<String, Analysed> byRun;

        Cache(AnalysisSettings settings, int capacity) {
            this.settings = settings;
            this.byRun = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Analysed> eldest) {
                    return size() > capacity;
                }
            });
        }

        Analysed of(String runId) {
            Analysed cached = byRun.get(runId);
            if (cached != null && cached.tasks() == runs.scoredTasks(runId)) {
                return cached;
            }
            // computed outside the lock: two requests racing on one run compute the same thing twice, nothing worse
            Map<String, ScoredCells> byModel = rows.byModel(runId);
            Map<String, ModelAnalysis> models = new TreeMap<>();
            byModel.forEach((model, cells) -> models.put(model, ElicitationAnalysis.analyse(cells, settings)));
            Analysed analysed = new Analysed(runId, byModel.values().stream().mapToLong(ScoredCells::size).sum(), models);
            byRun.put(runId, analysed);
            return analysed;
        }
    }
}
