package dev.headroom.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "headroom.worker")
public interface WorkerConfig {

    /** The model this deployment serves; its tasks arrive on the topic {@code prompts.<model>}. */
    String model();

    /** Which backend answers: "sim" (a simulated model, never a real one). */
    @WithDefault("sim")
    String backend();

    /** The sim profile to play; defaults to the model name. */
    Optional<String> simProfile();

    /** Requests in flight at once per replica. */
    @WithDefault("1")
    int maxConcurrency();
}
