package dev.headroom.simserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.sim.SimModel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sim model's answer to one request, as the OpenAI-compatible JSON of a chat or a legacy completion.
 *
 * <p>Sim models have no tokenizer: a token is a word with its leading space. When log-probabilities are asked for,
 * the alternatives of the first token are the option labels, with the log of the probability the sim reports for
 * each ({@link SimModel#answeredProbabilities}: the answered label is the most probable, as a greedy decoder's is), and
 * " I" for the chance of an unparsed answer; labels with no chance are left out. So scoring by the labels'
 * probabilities chooses what the text names, and an unparsed answer gives no label probabilities to score by.
 * Chat tokens carry no leading space ("B"), legacy ones do (" B"), as real servers' tokenizers mostly produce.
 */
final class SimCompletion {

    /** Identifies the sim server in every response, so a client can tell a sim's answer from a real model's. */
    static final String FINGERPRINT = "headroom-sim";
    /** What OpenAI reports for a token that is practically impossible; JSON has no -Infinity. */
    private static final double IMPOSSIBLE = -9999.0;
    /** Below this, 1 minus the labels' probabilities is rounding, not a chance of an unparsed answer. */
    private static final double UNPARSED_FLOOR = 1e-9;
    private static final String UNPARSED_TOKEN = tokens(SimModel.UNPARSED_ANSWER).get(0);

    private final ObjectMapper json;

    SimCompletion(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode answer(SimRequest request, SimModel model, long created, String id) {
        TaskHeader task = request.task();
        List<String> allTokens = tokens(model.answer(task));
        List<String> tokens = allTokens.subList(0, Math.min(allTokens.size(), Math.max(request.maxTokens(), 0)));
        String finishReason = tokens.size() < allTokens.size() ? "length" : "stop";
        List<String> shown = request.chat() ? stripFirstSpace(tokens) : tokens;
        String text = String.join("", shown);

        ObjectNode response = json.createObjectNode();
        response.put("id", (request.chat() ? "chatcmpl-" : "cmpl-") + id);
        response.put("object", request.chat() ? "chat.completion" : "text_completion");
        response.put("created", created);
        response.put("model", request.model());
        response.put("system_fingerprint", FINGERPRINT);
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        if (request.chat()) {
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", text);
        } else {
            choice.put("text", text);
        }
        if (request.topLogprobs() >= 0 && !shown.isEmpty()) {
            List<Alternative> firstAlternatives = alternatives(model, task, request.chat());
            choice.set("logprobs", request.chat()
                    ? chatLogprobs(shown, firstAlternatives, request.topLogprobs())
                    : legacyLogprobs(shown, firstAlternatives, request.topLogprobs()));
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", finishReason);
        ObjectNode usage = response.putObject("usage");
        int promptTokens = tokens(request.promptText()).size();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", tokens.size());
        usage.put("total_tokens", promptTokens + tokens.size());
        return response;
    }

    private record Alternative(String token, double logprob) {
    }

    /** A label that is also the unparsed answer's first word (roman "I") gets both chances, as one token would. */
    private static List<Alternative> alternatives(SimModel model, TaskHeader task, boolean chat) {
        String space = chat ? "" : " ";
        List<Double> probabilities = model.answeredProbabilities(task);
        Map<String, Double> byToken = new LinkedHashMap<>();
        for (int position = 0; position < probabilities.size(); position++) {
            if (probabilities.get(position) > 0) {
                byToken.merge(space + task.labels().get(position), probabilities.get(position), Double::sum);
            }
        }
        double unparsed = 1 - probabilities.stream().mapToDouble(Double::doubleValue).sum();
        if (unparsed > UNPARSED_FLOOR) {
            byToken.merge(chat ? UNPARSED_TOKEN.strip() : UNPARSED_TOKEN, unparsed, Double::sum);
        }
        List<Alternative> alternatives = new ArrayList<>();
        byToken.forEach((token, probability) -> alternatives.add(new Alternative(token, log(probability))));
        alternatives.sort(Comparator.comparingDouble(Alternative::logprob).reversed());
        return alternatives;
    }

    private ObjectNode chatLogprobs(List<String> tokens, List<Alternative> first, int top) {
        ObjectNode logprobs = json.createObjectNode();
        ArrayNode content = logprobs.putArray("content");
        for (int i = 0; i < tokens.size(); i++) {
            List<Alternative> alternatives = i == 0 ? first : List.of(new Alternative(tokens.get(i), 0));
            ObjectNode entry = content.addObject();
            putToken(entry, tokens.get(i), logprobOf(tokens.get(i), alternatives));
            ArrayNode topList = entry.putArray("top_logprobs");
            alternatives.stream().limit(top).forEach(alternative ->
                    putToken(topList.addObject(), alternative.token(), alternative.logprob()));
        }
        return logprobs;
    }

    private ObjectNode legacyLogprobs(List<String> tokens, List<Alternative> first, int top) {
        ObjectNode logprobs = json.createObjectNode();
        ArrayNode tokenList = logprobs.putArray("tokens");
        ArrayNode tokenLogprobs = logprobs.putArray("token_logprobs");
        ArrayNode topList = logprobs.putArray("top_logprobs");
        ArrayNode offsets = logprobs.putArray("text_offset");
        int offset = 0;
        for (int i = 0; i < tokens.size(); i++) {
            List<Alternative> alternatives = i == 0 ? first : List.of(new Alternative(tokens.get(i), 0));
            tokenList.add(tokens.get(i));
            tokenLogprobs.add(logprobOf(tokens.get(i), alternatives));
            ObjectNode topAtToken = topList.addObject();
            alternatives.stream().limit(top).forEach(alternative -> topAtToken.put(alternative.token(), alternative.logprob()));
            offsets.add(offset);
            offset += tokens.get(i).length();
        }
        return logprobs;
    }

    private static void putToken(ObjectNode node, String token, double logprob) {
        node.put("token", token);
        node.put("logprob", logprob);
        ArrayNode bytes = node.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
    }

    private static double logprobOf(String token, List<Alternative> alternatives) {
        return alternatives.stream().filter(a -> a.token().equals(token)).mapToDouble(Alternative::logprob)
                .findFirst().orElse(IMPOSSIBLE);
    }

    private static double log(double probability) {
        return probability <= 0 ? IMPOSSIBLE : Math.max(IMPOSSIBLE, Math.log(probability));
    }

    /** Words with their leading whitespace, the way BPE tokenizers split plain English. */
    static List<String> tokens(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("(?<=\\S)(?=\\s)")).toList();
    }

    private static List<String> stripFirstSpace(List<String> tokens) {
        if (tokens.isEmpty()) {
            return tokens;
        }
        List<String> stripped = new ArrayList<>(tokens);
        stripped.set(0, tokens.get(0).stripLeading());
        return stripped;
    }

    ObjectNode models(Map<String, SimModel> models, long created) {
        ObjectNode list = json.createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        models.keySet().forEach(name -> {
            ObjectNode entry = data.addObject();
            entry.put("id", name);
            entry.put("object", "model");
            entry.put("created", created);
            entry.put("owned_by", FINGERPRINT);
        });
        return list;
    }

    ObjectNode error(int status, String message) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", status == 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error");
        error.putNull("param");
        error.put("code", status);
        return body;
    }
}
