package dev.headroom.core.message;

/**
 * Topic {@code scores}: the graded answer to one task.
 *
 * @param chosenIndex      original index of the chosen option; null when unparsed
 * @param goldProbability  probability the model gave the gold label, when log-probabilities were known
 */
public record Score(int schemaVersion, TaskHeader header, Outcome outcome, Integer chosenIndex,
                    Double goldProbability) {
}
