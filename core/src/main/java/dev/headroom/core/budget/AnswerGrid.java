package dev.headroom.core.budget;

import java.util.List;

/**
 * A fully answered grid with its truth, to judge budgeted elicitation against: {@code correct[v][i]} whether variant
 * {@code v} answered item {@code i} (items sorted by id) correctly, and {@code truth[v]} the variant's true accuracy
 * on these items (a sim's expected accuracy; for replayed answers, the accuracy of the full column).
 */
public record AnswerGrid(List<String> variantIds, List<String> itemIds, boolean[][] correct, double[] truth) {
}
