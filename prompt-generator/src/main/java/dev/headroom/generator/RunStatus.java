package dev.headroom.generator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A run as the generator registered it, with its progress as the aggregator sees it.
 *
 * @param status   PUBLISHING while any model's share is being published, FAILED if any failed, else PUBLISHED
 * @param progress per model; {@code scored} is 0 while the aggregator cannot be reached
 * @param complete every model's share is published and every task of it scored or dead-lettered
 */
public record RunStatus(String runId, JsonNode spec, String status, long expectedTasks, long publishedTasks,
                        long scoredTasks, long deadLetteredTasks, Map<String, ModelProgress> progress,
                        boolean complete) {

    /**
     * @param deadLettered   tasks given up on, which will never be scored; complete counts them as done
     * @param budgetEstimate a budgeted share's estimate once its budget is spent (core's {@code BudgetEstimate});
     *                       left out otherwise
     */
    public record ModelProgress(long expected, long published, long scored, long deadLettered, String status,
                                String error, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode budgetEstimate) {
    }
}
