package dev.headroom.generator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A run as the generator registered it, with its progress as the aggregator sees it.
 *
 * @param deadLetteredTasks tasks the workers gave up on (each in prompts.&lt;model&gt;.dlq with its reason), unscored
 * @param progress          scored and dead-lettered tasks per model; empty while the aggregator cannot be reached
 * @param complete          every expected task of every model is scored or dead-lettered
 */
public record RunStatus(String runId, JsonNode spec, String status, long expectedTasks, long publishedTasks,
                        long scoredTasks, long deadLetteredTasks, Map<String, ModelProgress> progress,
                        boolean complete, String error) {

    public record ModelProgress(long expected, long scored, long deadLettered) {
    }
}
