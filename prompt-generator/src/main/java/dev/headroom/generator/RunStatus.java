package dev.headroom.generator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A run as the generator registered it, with its progress as the aggregator sees it.
 *
 * @param status   PUBLISHING while any model's share is being published, FAILED if any failed, else PUBLISHED
 * @param progress per model; {@code scored} is 0 while the aggregator cannot be reached
 * @param complete every model's share is published and every task of it scored
 */
public record RunStatus(String runId, JsonNode spec, String status, long expectedTasks, long publishedTasks,
                        long scoredTasks, Map<String, ModelProgress> progress, boolean complete) {

    public record ModelProgress(long expected, long published, long scored, String status, String error) {
    }
}
