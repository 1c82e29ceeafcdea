package dev.headroom.simserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.Variant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sim server as a plain HTTP client sees it. Its answers' content is checked by the worker's client tests. */
class SimServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final TaskHeader TASK = new TaskHeader("t1", "r", "sim-oracle", "t/geo/test/0", "t", "geo",
            Variant.PLAIN, List.of("w", "x", "y", "z"), List.of("A", "B", "C", "D"), List.of(0, 1, 2, 3), 2);

    private static HttpRequest completion(SimServer server, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    static Map<String, Object> request(String model) {
        return Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "Q? Answer:")),
                "max_tokens", 4, "headroom_sim_task", TASK);
    }

    private static HttpResponse<String> send(SimServer server, Object body) throws Exception {
        return HTTP.send(completion(server, body), HttpResponse.BodyHandlers.ofString());
    }

    private static SimServerConfig fault(Fault fault) {
        return SimServerConfig.plain(Duration.ofMillis(1)).withFaults(new FaultPlan(Map.of(fault, 1.0)), Duration.ofMillis(50));
    }

    @Test
    void answersAsTheNamedSimAndSaysItIsTheSimServer() throws Exception {
        try (SimServer server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(1)))) {
            JsonNode answer = JSON.readTree(send(server, request("sim-oracle")).body());

            assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("C");
            assertThat(answer.at("/system_fingerprint").asText()).isEqualTo("headroom-sim");
            assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(1);
            assertThat(answer.at("/choices/0/logprobs").isNull()).isTrue();
        }
    }

    @Test
    void listsTheSimModels() throws Exception {
        try (SimServer server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(1)))) {
            JsonNode models = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());

            assertThat(models.findValuesAsText("id")).contains("sim-oracle", "sim-7b-base");
        }
    }

    @Test
    void refusesARequestWithoutTheTaskOrForAnUnknownModel() throws Exception {
        try (SimServer server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(1)))) {
            HttpResponse<String> noTask = send(server, Map.of("model", "sim-oracle", "messages", List.of()));
            HttpResponse<String> unknown = send(server, request("gpt-4"));

            assertThat(noTask.statusCode()).isEqualTo(400);
            assertThat(noTask.body()).contains("headroom_sim_task");
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void refusesATaskHeaderWithoutAnItemIdWithA400NotA500() throws Exception {
        TaskHeader noItem = new TaskHeader("t1", "r", "sim-oracle", null, "t", "geo", Variant.PLAIN,
                List.of("w", "x"), List.of("A", "B"), List.of(0, 1), 1);
        try (SimServer server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(1)))) {
            HttpResponse<String> response = send(server, Map.of("model", "sim-oracle", "messages", List.of(),
                    "headroom_sim_task", noItem));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("no item id");
        }
    }

    @Test
    void beyondTheCapRequestsQueueAndNeverExceedIt() throws Exception {
        SimServerConfig capped = SimServerConfig.plain(Duration.ofMillis(100)).withCap(2, SimServerConfig.Overflow.QUEUE);
        try (SimServer server = SimServer.start(capped)) {
            List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 8).mapToObj(i -> {
                try {
                    return HTTP.sendAsync(completion(server, request("sim-oracle")), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();

            assertThat(responses).allSatisfy(response -> assertThat(response.get().statusCode()).isEqualTo(200));
            assertThat(server.stats().peakInService()).isEqualTo(2);
            assertThat(server.stats().answered()).isEqualTo(8);
        }
    }

    @Test
    void inRejectModeAFullServerAnswers429WithRetryAfter() throws Exception {
        SimServerConfig capped = SimServerConfig.plain(Duration.ofSeconds(3)).withCap(1, SimServerConfig.Overflow.REJECT);
        try (SimServer server = SimServer.start(capped)) {
            CompletableFuture<HttpResponse<String>> first =
                    HTTP.sendAsync(completion(server, request("sim-oracle")), HttpResponse.BodyHandlers.ofString());
            while (server.stats().inService() == 0) {
                Thread.sleep(10);
            }
            HttpResponse<String> second = send(server, request("sim-oracle"));

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(server.stats().rejectedAtCap()).isEqualTo(1);
        }
    }

    @Test
    void eachFaultLooksToTheClientAsItsKindDoes() throws Exception {
        try (SimServer server = SimServer.start(fault(Fault.RATE_LIMIT))) {
            HttpResponse<String> response = send(server, request("sim-oracle"));
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("retry-after-ms")).contains("1000");
        }
        try (SimServer server = SimServer.start(fault(Fault.SERVER_ERROR))) {
            assertThat(send(server, request("sim-oracle")).statusCode()).isEqualTo(500);
        }
        for (Fault broken : List.of(Fault.MALFORMED_JSON, Fault.TRUNCATED_JSON)) {
            try (SimServer server = SimServer.start(fault(broken))) {
                HttpResponse<String> response = send(server, request("sim-oracle"));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThatThrownBy(() -> JSON.readTree(response.body())).as(broken.option()).isInstanceOf(IOException.class);
            }
        }
        try (SimServer server = SimServer.start(fault(Fault.EMPTY_CHOICES))) {
            assertThat(JSON.readTree(send(server, request("sim-oracle")).body()).get("choices")).isEmpty();
        }
        for (Fault dropped : List.of(Fault.CONNECTION_RESET, Fault.TIMEOUT)) {
            try (SimServer server = SimServer.start(fault(dropped))) {
                assertThatThrownBy(() -> send(server, request("sim-oracle"))).as(dropped.option())
                        .isInstanceOf(IOException.class);
            }
        }
    }
}
