package dev.headroom.core.message;

/**
 * Topic {@code models} (compacted, keyed by model name): what a worker deployment serves, announced when it starts.
 * A generator fans the tasks of open runs out to every model it hears of.
 *
 * @param backend                        "sim", "openai", "gguf", "replay"; "sim" models are simulated, never real ones
 * @param parameterCount                 nominal size in parameters; 0 when unknown
 * @param type                           base, instruct, rlhf, fine-tuned (or probe, for the sim test probes)
 * @param maxConcurrency                 requests in flight per replica
 * @param usdPerMillionPromptTokens      price, for the cost of each completion; null when unknown (0 is free)
 * @param usdPerMillionCompletionTokens  price, for the cost of each completion; null when unknown (0 is free)
 */
public record ModelCard(int schemaVersion, String name, String backend, String family, double parameterCount,
                        String type, int maxConcurrency, Double usdPerMillionPromptTokens,
                        Double usdPerMillionCompletionTokens) {

    public ModelCard {
        if ((usdPerMillionPromptTokens == null) != (usdPerMillionCompletionTokens == null)) {
            throw new IllegalArgumentException("model " + name + ": a price per million prompt tokens ("
                    + usdPerMillionPromptTokens + ") and per million completion tokens ("
                    + usdPerMillionCompletionTokens + ") are given together or not at all");
        }
    }

    /** The cost of one completion at this card's prices; null when the card has none. */
    public Double costUsd(int promptTokens, int completionTokens) {
        if (usdPerMillionPromptTokens == null) {
            return null;
        }
        return (promptTokens * usdPerMillionPromptTokens + completionTokens * usdPerMillionCompletionTokens) / 1e6;
    }
}
