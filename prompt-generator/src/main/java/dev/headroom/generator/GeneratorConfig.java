package dev.headroom.generator;

import dev.headroom.core.benchmark.BenchmarkFormat;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "headroom.generator")
public interface GeneratorConfig {

    /** Benchmarks a run spec may name, each a file or directory in one of the known formats; specs never name paths. */
    Map<String, BenchmarkSource> benchmarks();

    /** How many tasks are in flight to Kafka at once while a run is published. */
    @WithDefault("2000")
    int publishWindow();

    /** How far back a run's expected task counts stay exported as gauges; older runs drop out of the metrics. */
    @WithDefault("P7D")
    Duration expectedTasksWindow();

    interface BenchmarkSource {

        /** The layout: mmlu, arc, commonsense-qa, truthfulqa-mc1, mmlu-pro or jsonl (docs/benchmark-formats.md). */
        @WithDefault("mmlu")
        BenchmarkFormat format();

        /** The benchmark's directory or file, as its format reads it; relative to the working directory. */
        String path();
    }
}
