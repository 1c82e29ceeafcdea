package dev.headroom.simserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.message.Score;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.scoring.Scorer;
import dev.headroom.core.sim.SimModel;
import dev.headroom.core.variant.VariantPresets;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring a sim's answer by the label log-probabilities the server reports chooses what its text names, on every
 * task, over chat and legacy completions: the probability-scoring path runs on sims and agrees with the text.
 */
class LogprobsAgreeWithAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The most unparsed answers, a middle one, and the most able. */
    private static final List<String> MODELS = List.of("sim-0.5b-base", "sim-7b-base", "sim-70b-instruct");

    @Test
    void scoringByTheReportedLogprobsChoosesWhatTheTextNamesOnEveryTask() throws Exception {
        int tasks = 0;
        int unparsed = 0;
        try (SimServer server = SimServer.start(SimServerConfig.plain(Duration.ZERO))) {
            for (String model : MODELS) {
                for (PromptTask task : tasks(model)) {
                    boolean chat = tasks % 2 == 0;
                    JsonNode choice = JSON.readTree(HTTP.send(request(server, task, chat), HttpResponse.BodyHandlers.ofString())
                            .body()).at("/choices/0");
                    String text = chat ? choice.at("/message/content").asText() : choice.path("text").asText();

                    Score byText = Scorer.score(completion(task, text, Map.of()));
                    Score byLogprobs = Scorer.score(completion(task, text, firstTokenLogprobs(choice, chat)));

                    assertThat(byLogprobs.outcome()).as(model + " " + task.header().taskId()).isEqualTo(byText.outcome());
                    assertThat(byLogprobs.chosenIndex()).as(model + " " + task.header().taskId()).isEqualTo(byText.chosenIndex());
                    if (text.strip().equals(SimModel.UNPARSED_ANSWER.strip())) {
                        unparsed++;
                    } else {
                        assertThat(byLogprobs.goldProbability()).as("scored by probability").isNotNull();
                    }
                    tasks++;
                }
            }
        }
        assertThat(tasks).isEqualTo(3 * 1200);
        assertThat(unparsed).as("unparsed answers among them").isPositive();
    }

    private static List<PromptTask> tasks(String model) {
        List<Item> items = IntStream.range(0, 400).mapToObj(row -> new Item("t/geo/test/" + row, "t", "geo", "test",
                "Question " + row, List.of("w", "x", "y", "z"), row % 4)).toList();
        RunSpec spec = new RunSpec("agree", "t", null, null, null, List.of(VariantPresets.named("plain"),
                VariantPresets.named("numbers-reversed"), VariantPresets.named("lower-shuffled")), List.of(model));
        return RunPlanner.tasks("agree", spec, items, Map.of()).toList();
    }

    private static HttpRequest request(SimServer server, PromptTask task, boolean chat) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("model", task.header().model(), "max_tokens", 8,
                "headroom_sim_task", task.header()));
        if (chat) {
            body.putAll(Map.of("messages", List.of(Map.of("role", "user", "content", task.prompt())),
                    "logprobs", true, "top_logprobs", 10));
        } else {
            body.putAll(Map.of("prompt", task.prompt(), "logprobs", 10));
        }
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + (chat ? "/chat/completions" : "/completions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static Map<String, Double> firstTokenLogprobs(JsonNode choice, boolean chat) {
        Map<String, Double> alternatives = new HashMap<>();
        if (chat) {
            choice.at("/logprobs/content/0/top_logprobs").forEach(alternative ->
                    alternatives.put(alternative.path("token").asText(), alternative.path("logprob").asDouble()));
        } else {
            choice.at("/logprobs/top_logprobs/0").fields().forEachRemaining(alternative ->
                    alternatives.put(alternative.getKey(), alternative.getValue().asDouble()));
        }
        return alternatives;
    }

    private static Completion completion(PromptTask task, String text, Map<String, Double> logprobs) {
        return new Completion(1, task.header(), text, logprobs, "stop", 1, 1, 0, 1, "sim", null);
    }
}
