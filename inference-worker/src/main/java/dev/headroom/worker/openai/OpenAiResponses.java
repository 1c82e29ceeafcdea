package dev.headroom.worker.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.worker.resilience.CallFailure;
import dev.headroom.worker.resilience.FailureKind;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the 200 bodies of {@code /chat/completions} and {@code /completions} in the shapes OpenAI and the
 * OpenAI-compatible servers return.
 *
 * <p>Label log-probabilities come from the answer's first token that is more than space and punctuation (so "(A)"
 * is read at "A"): chat's {@code choices[0].logprobs.content[i].top_logprobs} (a list of {token, logprob}) or
 * legacy's {@code choices[0].logprobs.top_logprobs[i]} (a map token → logprob), with the chosen token itself. They
 * are kept only when that chosen token is a label: at a position where the model began "The answer is", the labels'
 * alternatives are not its answer distribution, and the scorer must read the text instead.
 */
final class OpenAiResponses {

    static final String SIM_FINGERPRINT = "headroom-sim";

    private final ObjectMapper json;

    OpenAiResponses(ObjectMapper json) {
        this.json = json;
    }

    /** @throws CallFailure of kind MALFORMED when the body is not a usable completion */
    ParsedCompletion parse(String body, boolean chat, List<String> labels) throws CallFailure {
        JsonNode response;
        try {
            response = json.readTree(body);
        } catch (IOException e) {
            throw new CallFailure(FailureKind.MALFORMED, "the body is not JSON (" + abbreviate(body) + ")");
        }
        if (response == null || !response.path("choices").isArray()) {
            throw new CallFailure(FailureKind.MALFORMED, "no 'choices' in the body (" + abbreviate(body) + ")");
        }
        JsonNode choice = response.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new CallFailure(FailureKind.MALFORMED, "the body has no choices");
        }
        JsonNode textNode = chat ? choice.path("message").path("content") : choice.path("text");
        if (!textNode.isTextual() && !textNode.isNull()) {
            throw new CallFailure(FailureKind.MALFORMED, "choices[0] has no " + (chat ? "message.content" : "text"));
        }
        JsonNode usage = response.path("usage");
        return new ParsedCompletion(textNode.asText(""), labelLogprobs(choice.path("logprobs"), chat, labels),
                choice.path("finish_reason").asText("unknown"), usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0),
                SIM_FINGERPRINT.equals(response.path("system_fingerprint").asText(null)));
    }

    private static Map<String, Double> labelLogprobs(JsonNode logprobs, boolean chat, List<String> labels) {
        JsonNode positions = chat ? logprobs.path("content") : logprobs.path("tokens");
        for (int i = 0; i < positions.size(); i++) {
            String token = chat ? positions.path(i).path("token").asText("") : positions.path(i).asText("");
            if (LabelLogprobs.bare(token).isEmpty()) {
                continue;
            }
            if (!labels.contains(LabelLogprobs.bare(token))) {
                return Map.of();
            }
            Map<String, Double> alternatives = new LinkedHashMap<>();
            if (chat) {
                alternatives.put(token, positions.path(i).path("logprob").asDouble());
                for (JsonNode alternative : positions.path(i).path("top_logprobs")) {
                    alternatives.put(alternative.path("token").asText(""), alternative.path("logprob").asDouble());
                }
            } else {
                alternatives.put(token, logprobs.path("token_logprobs").path(i).asDouble());
                for (Iterator<Map.Entry<String, JsonNode>> it = logprobs.path("top_logprobs").path(i).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> alternative = it.next();
                    alternatives.put(alternative.getKey(), alternative.getValue().asDouble());
                }
            }
            return LabelLogprobs.match(alternatives, labels);
        }
        return Map.of();
    }

    /** Error bodies are shown in dead-letter reasons; a short prefix is enough and keeps reasons small. */
    static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
