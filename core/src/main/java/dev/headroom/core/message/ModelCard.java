package dev.headroom.core.message;

/**
 * Topic {@code models} (compacted, keyed by model name): what a worker deployment serves, announced when it starts.
 * A generator fans the tasks of open runs out to every model it hears of.
 *
 * @param backend                        "sim", "openai", "gguf", "replay"; "sim" models are simulated, never real ones
 * @param parameterCount                 nominal size in parameters; 0 when unknown
 * @param type                           base, instruct, rlhf, fine-tuned (or probe, for the sim test probes)
 * @param maxConcurrency                 requests in flight per replica
 * @param usdPerMillionPromptTokens      price, for the cost of each completion; 0 when free or unknown
 * @param usdPerMillionCompletionTokens  price, for the cost of each completion; 0 when free or unknown
 */
public record ModelCard(int schemaVersion, String name, String backend, String family, double parameterCount,
                        String type, int maxConcurrency, double usdPerMillionPromptTokens,
                        double usdPerMillionCompletionTokens) {

    /** The cost of one completion at this card's prices. */
    public double costUsd(int promptTokens, int completionTokens) {
        return (promptTokens * usdPerMillionPromptTokens + completionTokens * usdPerMillionCompletionTokens) / 1e6;
    }
}
