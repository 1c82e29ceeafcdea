package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to a Headroom deployment's REST API: the generator for runs, the aggregator for results. */
public final class HeadroomClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI generator;
    private final URI aggregator;
    /** The deployment's bearer token (headroom.security.token), sent with every request; null for none. */
    private final String token;

    public HeadroomClient(URI generator, URI aggregator, String token) {
        this.generator = generator;
        this.aggregator = aggregator;
        this.token = token;
    }

    /** Submits a run and returns its id. */
    public String submit(RunSpec spec) {
        JsonNode accepted = send(HttpRequest.newBuilder(generator.resolve("/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(spec))));
        return accepted.get("runId").asText();
    }

    public JsonNode status(String runId) {
        return send(HttpRequest.newBuilder(generator.resolve("/runs/" + runId)).GET());
    }

    public RunSummary summary(String runId) {
        return JSON.convertValue(send(HttpRequest.newBuilder(aggregator.resolve("/runs/" + runId + "/summary")).GET()),
                RunSummary.class);
    }

    /** Every model's statistics of the run (docs/statistics.md), as the aggregator serves them. */
    public JsonNode statistics(String runId) {
        return send(HttpRequest.newBuilder(aggregator.resolve("/runs/" + runId + "/statistics")).GET());
    }

    /** The elicitation gap and the spread of the run's models against their size and type. */
    public JsonNode trends(String runId) {
        return send(HttpRequest.newBuilder(aggregator.resolve("/runs/" + runId + "/trends")).GET());
    }

    /** The run's report as the aggregator renders it: {@code html} or {@code md}. */
    public String report(String runId, String format) {
        return sendText(HttpRequest.newBuilder(aggregator.resolve("/runs/" + runId + "/report." + format)).GET());
    }

    /** Every scored task of the run, one row each: {@code csv} as CSV text, {@code json} as a JSON array. */
    public String tasks(String runId, String format) {
        return sendText(HttpRequest.newBuilder(aggregator.resolve("/runs/" + runId + "/tasks?format=" + format)).GET());
    }

    /** The latest card of every model announced to the deployment. */
    public JsonNode models() {
        return send(HttpRequest.newBuilder(aggregator.resolve("/models")).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            return JSON.readTree(sendText(request));
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().uri() + ": " + e.getMessage(), e);
        }
    }

    private String sendText(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            // a refused connection has no message of its own
            throw new UncheckedIOException(request.build().uri() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
