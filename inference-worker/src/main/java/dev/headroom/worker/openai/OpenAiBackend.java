package dev.headroom.worker.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.variant.ChatMessage;
import dev.headroom.worker.ModelBackend;
import dev.headroom.worker.resilience.CallFailure;
import dev.headroom.worker.resilience.FailureKind;
import dev.headroom.worker.resilience.ResilientCaller;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Asks an OpenAI-compatible server, through the JDK's HTTP client (HTTP/1.1, one connection per request in flight).
 * Completions are labelled backend "openai", or "sim" when the server says it is Headroom's sim server: a sim's answer
 * is never passed off as a real model's.
 */
public final class OpenAiBackend implements ModelBackend {

    private final OpenAiConfig config;
    private final String servedModel;
    private final URI endpoint;
    private final Optional<String> apiKey;
    private final ResilientCaller caller;
    private final HttpClient http;
    private final ObjectMapper json;
    private final OpenAiResponses responses;

    public OpenAiBackend(OpenAiConfig config, String model, ResilientCaller caller, ObjectMapper json) {
        this(config, model, caller, json, ApiKey.load(config, System.getenv()));
    }

    OpenAiBackend(OpenAiConfig config, String model, ResilientCaller caller, ObjectMapper json, Optional<String> apiKey) {
        String baseUrl = config.baseUrl().orElseThrow(() -> new IllegalArgumentException(
                "headroom.worker.openai.base-url is required when headroom.worker.backend=openai"));
        this.config = config;
        this.servedModel = config.servedModel().orElse(model);
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "")
                + (config.endpoint() == OpenAiConfig.Endpoint.CHAT ? "/chat/completions" : "/completions"));
        this.apiKey = apiKey;
        this.caller = caller;
        this.json = json;
        this.responses = new OpenAiResponses(json);
        // the client's own small non-blocking steps (the built-in string body handler, completing the future the caller
        // waits on) run inline on its selector thread: without a hand-off to a worker pool in each direction, an
        // answered request frees its slot sooner on a busy machine (JFR: the pool's hand-offs were most of the wait)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).executor(Runnable::run).build();
    }

    /** Its caller's adaptive limit, at most {@code max-concurrency}, is taken before every request. */
    @Override
    public boolean limitsItsRequests() {
        return true;
    }

    @Override
    public Completion complete(PromptTask task) {
        String body = requestBody(task);
        boolean chat = config.endpoint() == OpenAiConfig.Endpoint.CHAT;
        ResilientCaller.Result<ParsedCompletion> result =
                caller.call(timeout -> send(body, timeout, chat, task.header().labels()));
        ParsedCompletion answer = result.value();
        return new Completion(Messages.SCHEMA_VERSION, task.header(), answer.text(), answer.labelLogprobs(),
                answer.finishReason(), answer.promptTokens(), answer.completionTokens(), result.latencyMillis(),
                result.attempts(), answer.simulated() ? "sim" : "openai", null);
    }

    private ParsedCompletion send(String body, Duration timeout, boolean chat, List<String> labels) throws CallFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CallFailure(FailureKind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new CallFailure(FailureKind.CONNECTION, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(FailureKind.CONNECTION, "interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return responses.parse(response.body(), chat, labels);
        }
        String detail = "HTTP " + status + " " + OpenAiResponses.abbreviate(response.body());
        if (status == 429) {
            throw new CallFailure(FailureKind.RATE_LIMITED, detail, retryAfter(response.headers()).orElse(null));
        }
        if (status == 408) {
            throw new CallFailure(FailureKind.TIMEOUT, detail);
        }
        throw new CallFailure(status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.REJECTED, detail);
    }

    /** {@code retry-after-ms} (OpenAI's), else {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        try {
            if (millis.isPresent()) {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
            }
            Optional<String> value = headers.firstValue("retry-after").map(String::strip);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get().chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.get())));
            }
            Duration untilDate = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(untilDate.isNegative() ? Duration.ZERO : untilDate);
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Temperature 0: the model's most likely answer, the same on every retry of a task. */
    String requestBody(PromptTask task) {
        ObjectNode request = json.createObjectNode();
        request.put("model", servedModel);
        if (config.endpoint() == OpenAiConfig.Endpoint.CHAT) {
            ArrayNode messages = request.putArray("messages");
            List<ChatMessage> turns = task.messages().isEmpty()
                    ? List.of(new ChatMessage("user", task.prompt())) : task.messages();
            turns.forEach(turn -> messages.addObject().put("role", turn.role()).put("content", turn.content()));
        } else {
            request.put("prompt", task.prompt());
        }
        request.put("max_tokens", config.maxTokens());
        request.put("temperature", 0);
        if (config.logprobs()) {
            if (config.endpoint() == OpenAiConfig.Endpoint.CHAT) {
                request.put("logprobs", true);
                request.put("top_logprobs", config.topLogprobs());
            } else {
                request.put("logprobs", config.topLogprobs());
            }
        }
        if (config.simTask()) {
            request.set("headroom_sim_task", json.valueToTree(task.header()));
        }
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
