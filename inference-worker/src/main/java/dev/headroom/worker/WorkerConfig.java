package dev.headroom.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "headroom.worker")
public interface WorkerConfig {

    /** The model this deployment serves; its tasks arrive on the topic {@code prompts.<model>}. */
    String model();

    /** Which backend answers: "sim" (a simulated model, never a real one) or "replay" (a published run's answers). */
    @WithDefault("sim")
    String backend();

    /** The sim profile to play; defaults to the model name. */
    Optional<String> simProfile();

    /** Requests in flight at once per replica. */
    @WithDefault("1")
    int maxConcurrency();

    /** Where the replay backend finds its recorded answers. */
    Replay replay();

    interface Replay {

        /** A wide CSV: a key column, then one column of answer letters per model (NONE: no answer; MISSING: absent). */
        Optional<String> file();

        /** The column holding each item's own id, matched against the last segment of a task's item id. */
        @WithDefault("question_id")
        String keyColumn();

        /** The column of this model's answers; the model name by default. */
        Optional<String> modelColumn();
    }
}
