package dev.headroom.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "headroom.worker")
public interface WorkerConfig {

    /** The model this deployment serves; its tasks arrive on the topic {@code prompts.<model>}. */
    String model();

    /**
     * Which backend answers: "sim" (a simulated model in-process, never a real one), "openai" (an OpenAI-compatible
     * server), "replay" (a published run's answers) or "gguf" (a GGUF file through llama.cpp).
     */
    @WithDefault("sim")
    String backend();

    /** The sim profile to play; defaults to the model name. */
    Optional<String> simProfile();

    /** Tasks this replica answers at once; the server sees at most this many requests from it in flight. */
    @WithDefault("16")
    int maxConcurrency();

    /**
     * Tasks taken beyond {@code max-concurrency}, read and ready to send the moment a request ends, so the server's
     * slot does not wait for the worker's turnaround (publishing, storing, the next task); only on a backend that
     * holds its requests to {@code max-concurrency} itself (openai). Default: a quarter of {@code max-concurrency}.
     */
    Optional<Integer> spareTasks();

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

    /** The "gguf" backend; see docs/backends.md. */
    Gguf gguf();

    interface Gguf {

        /** The GGUF file to load; required with backend "gguf". */
        Optional<Path> modelPath();

        /** Context window in tokens; prompt and answer must fit. The model's trained context may be smaller or larger. */
        @WithDefault("4096")
        int contextSize();

        /** CPU threads for llama.cpp; 0 leaves llama.cpp's default (the machine's cores). */
        @WithDefault("0")
        int threads();

        /** KV-cache type: f32 keeps logits within float rounding of an exact forward pass; f16 halves its memory. */
        @WithDefault("f32")
        String kvCacheType();

        /** How close, in nats, the bias bisection gets to each label's logit; each halving costs one more completion. */
        @WithDefault("1e-4")
        double logitTolerance();

        /** How long loading the model may take before the child process is killed. */
        @WithDefault("5m")
        Duration startTimeout();

        /** How long one request to llama.cpp (a single next token, or a short constrained answer) may take. */
        @WithDefault("2m")
        Duration requestTimeout();
    }
}
