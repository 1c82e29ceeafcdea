package dev.headroom.simserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.MessageProblems;
import dev.headroom.core.message.TaskHeader;

import java.io.IOException;
import java.util.Optional;

/**
 * A completion request as the sim server reads it.
 *
 * <p>A sim model answers a task, not a text: it needs the task's header (item, variant, labels, gold). The worker
 * sends it in the request's extension field {@value #TASK_FIELD}, which only this server reads and which the worker
 * sends only when told that its server is a sim server. Parsing labels back out of the prompt text would be fragile
 * (every variant renders them differently) and could not recover the gold answer at all.
 *
 * @param chat        {@code /v1/chat/completions} rather than the legacy {@code /v1/completions}
 * @param promptText  the prompt, or the chat turns' contents joined, for counting tokens
 * @param topLogprobs how many alternatives per token were asked for; -1 when log-probabilities were not asked for
 */
record SimRequest(boolean chat, String model, TaskHeader task, String promptText, int maxTokens, int topLogprobs) {

    static final String TASK_FIELD = "headroom_sim_task";
    private static final int DEFAULT_MAX_TOKENS = 16;

    /** A request the server refuses, with the HTTP status and message an OpenAI-compatible server would give. */
    static final class Invalid extends Exception {
        final int status;

        Invalid(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static SimRequest parse(boolean chat, String body, ObjectMapper json) throws Invalid {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            throw new Invalid(400, "the request body is not JSON: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw new Invalid(400, "the request body must be a JSON object");
        }
        String model = request.path("model").asText("");
        if (model.isEmpty()) {
            throw new Invalid(400, "'model' is required");
        }
        if (!request.hasNonNull(TASK_FIELD)) {
            throw new Invalid(400, "the sim server needs the task header in '" + TASK_FIELD
                    + "' (set headroom.worker.openai.sim-task=true on the worker)");
        }
        TaskHeader task;
        try {
            task = json.treeToValue(request.get(TASK_FIELD), TaskHeader.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(400, "'" + TASK_FIELD + "' is not a task header: " + e.getMessage());
        }
        Optional<String> problem = MessageProblems.ofItem(task);
        if (problem.isPresent()) {
            throw new Invalid(400, "'" + TASK_FIELD + "' is not a usable task header: " + problem.get());
        }
        return new SimRequest(chat, model, task, promptText(chat, request),
                request.path("max_tokens").asInt(DEFAULT_MAX_TOKENS), topLogprobs(chat, request));
    }

    private static String promptText(boolean chat, JsonNode request) {
        if (!chat) {
            return request.path("prompt").asText("");
        }
        StringBuilder text = new StringBuilder();
        request.path("messages").forEach(turn -> text.append(turn.path("content").asText("")).append('\n'));
        return text.toString();
    }

    /** Chat asks with {@code logprobs: true} and {@code top_logprobs: k}; legacy with {@code logprobs: k}. */
    private static int topLogprobs(boolean chat, JsonNode request) {
        JsonNode logprobs = request.path("logprobs");
        if (chat) {
            return logprobs.asBoolean(false) ? request.path("top_logprobs").asInt(0) : -1;
        }
        return logprobs.isNumber() ? logprobs.asInt() : -1;
    }
}
