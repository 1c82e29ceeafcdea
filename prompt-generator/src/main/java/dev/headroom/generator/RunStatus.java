package dev.headroom.generator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A run as the generator registered it, with its progress as the aggregator sees it.
 *
 * @param progress   scored tasks per model; empty while the aggregator cannot be reached
 * @param complete   every expected task of every model has a score
 */
public record RunStatus(String runId, JsonNode spec, String status, long expectedTasks, long publishedTasks,
                        long scoredTasks, Map<String, ModelProgress> progress, boolean complete, String error) {

    public record ModelProgress(long expected, long scored) {
    }
}
