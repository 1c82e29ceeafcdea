package dev.headroom.aggregator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "headroom.aggregator")
public interface AggregatorConfig {

    Statistics statistics();

    Metrics metrics();

    interface Statistics {

        /** Bootstrap resamples per scope for every 95% interval; 0 gives estimates without intervals. */
        @WithDefault("1000")
        int bootstrapResamples();

        /** Seed of the bootstrap's draws: the same rows give the same intervals. */
        @WithDefault("20240917")
        long bootstrapSeed();

        /** Runs whose statistics are kept in memory until their score count changes; the least recently asked go. */
        @WithDefault("32")
        int cachedRuns();
    }

    interface Metrics {

        /** Per (run, model), per-variant accuracy series for only this many best and this many worst variants. */
        @WithDefault("3")
        int variantsPerRank();

        /** A run has gauges while it got a score within this window; then its series are removed. */
        @WithDefault("15m")
        Duration activeWindow();

        /** How often the per-run gauges are recomputed from Postgres. */
        @WithDefault("15s")
        Duration refreshInterval();

        /**
         * How often the gauges that need every item (held-out best, majority vote, oracle, gap) are recomputed: each
         * time reads every score of the run, so they may lag the other gauges by this much.
         */
        @WithDefault("2m")
        Duration itemStatisticsInterval();
    }
}
