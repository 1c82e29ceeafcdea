package dev.headroom.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** What the worker's model card says beyond what the backend knows; a sim model's card comes from its profile. */
@ConfigMapping(prefix = "headroom.worker.card")
public interface ModelCardConfig {

    /** Model family, e.g. "llama-3.1"; a sim profile's own by default, else "unknown". */
    Optional<String> family();

    /** Nominal parameter count, e.g. 8e9; a sim profile's own by default, else 0 (unknown). */
    Optional<Double> parameterCount();

    /** base, instruct, rlhf or fine-tuned; a sim profile's own by default, else "unknown". */
    Optional<String> type();

    /** Price per million prompt tokens in USD, for the cost of every completion; unset: unknown (0 is free). */
    Optional<Double> usdPerMillionPromptTokens();

    /** Price per million completion tokens in USD; set with the prompt price or not at all. */
    Optional<Double> usdPerMillionCompletionTokens();
}
