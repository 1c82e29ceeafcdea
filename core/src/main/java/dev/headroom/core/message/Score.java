package dev.headroom.core.message;

/**
 * Topic {@code scores}: the graded answer to one task.
 *
 * @param chosenIndex      original index of the chosen option; null when unparsed
 * @param goldProbability  probability the model gave the gold label, when log-probabilities were known
 * @param costUsd          what the completion cost ({@link Completion#costUsd()}); null when unpriced, and on scores
 *                         written before it was carried
 */
public record Score(int schemaVersion, TaskHeader header, Outcome outcome, Integer chosenIndex,
                    Double goldProbability, Double costUsd) {
}
