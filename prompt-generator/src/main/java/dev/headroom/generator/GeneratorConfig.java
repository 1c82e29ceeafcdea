package dev.headroom.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

@ConfigMapping(prefix = "headroom.generator")
public interface GeneratorConfig {

    /** Benchmarks a run spec may name, each a directory in MMLU's layout; specs never name paths themselves. */
    Map<String, Benchmark> benchmarks();

    /** How many tasks are in flight to Kafka at once while a run is published. */
    @WithDefault("2000")
    int publishWindow();

    interface Benchmark {

        /** {@code DIR/{dev,val,test}/<subject>_<split>.csv}. */
        String dir();
    }
}
