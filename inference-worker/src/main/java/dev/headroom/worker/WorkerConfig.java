package dev.headroom.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "headroom.worker")
public interface WorkerConfig {

    /** The model this deployment serves; its tasks arrive on the topic {@code prompts.<model>}. */
    String model();

    /** Which backend answers: "sim" (a simulated model in-process, never a real one) or "openai" (an OpenAI-compatible server). */
    @WithDefault("sim")
    String backend();

    /** The sim profile to play; defaults to the model name. */
    Optional<String> simProfile();

    /** Tasks this replica answers at once; the server sees at most this many requests from it in flight. */
    @WithDefault("16")
    int maxConcurrency();
}
