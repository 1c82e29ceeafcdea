package dev.headroom.core.message;

import java.util.Map;

/**
 * Topic {@code completions}: a model's answer to one task.
 *
 * @param labelLogprobs log-probability of each option label when the backend gives them; empty otherwise
 * @param backend       which backend produced it ("sim" for the simulated family, never a real model's name)
 * @param costUsd       what the answer cost at the model card's prices; null when the card has no prices
 */
public record Completion(int schemaVersion, TaskHeader header, String text, Map<String, Double> labelLogprobs,
                         String finishReason, int promptTokens, int completionTokens, long latencyMillis,
                         int attempts, String backend, Double costUsd) {

    public Completion {
        labelLogprobs = labelLogprobs == null ? Map.of() : Map.copyOf(labelLogprobs);
    }

    /** This completion priced at a model card's prices. */
    public Completion pricedBy(ModelCard card) {
        return new Completion(schemaVersion, header, text, labelLogprobs, finishReason, promptTokens, completionTokens,
                latencyMillis, attempts, backend, card.costUsd(promptTokens, completionTokens));
    }
}
