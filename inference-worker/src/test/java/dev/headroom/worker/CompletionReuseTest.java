package dev.headroom.worker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.simserver.SimServer;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import dev.headroom.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A worker on the HTTP path to a real sim server: a task it has answered is never sent to the server again, whether
 * its copy arrives while the first is in flight or after a run is submitted again.
 */
@QuarkusTest
@TestProfile(CompletionReuseTest.PricedSimServer.class)
class CompletionReuseTest {

    private static final String MODEL = "sim-7b-base";
    private static final String TOPIC = "completions-reuse";
    private static final double PROMPT_PRICE = 0.15;
    private static final double COMPLETION_PRICE = 0.6;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The server's cap and the worker's max-concurrency: a request beyond it would get a 429. */
    private static final int CAP = 4;

    public static class PricedSimServer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InfrastructureTestResource.class), new TestResourceEntry(Server.class));
        }
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        static SimServer server;

        @Override
        public Map<String, String> start() {
            // long enough that a task's second copy usually arrives while its first is still being answered
            server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(300))
                    .withCap(CAP, SimServerConfig.Overflow.REJECT));
            return Map.of("headroom.worker.model", MODEL, "headroom.worker.backend", "openai",
                    "headroom.worker.max-concurrency", String.valueOf(CAP), "headroom.worker.spare-tasks", "2",
                    "headroom.worker.openai.base-url", server.baseUrl().toString(),
                    "headroom.worker.openai.sim-task", "true",
                    "headroom.worker.card.usd-per-million-prompt-tokens", String.valueOf(PROMPT_PRICE),
                    "headroom.worker.card.usd-per-million-completion-tokens", String.valueOf(COMPLETION_PRICE),
                    "mp.messaging.outgoing.completions.topic", TOPIC);
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @Test
    void tasksArrivingTwiceAtOnceAreAskedOnce() {
        Map<String, PromptTask> tasks = tasks("twice", 24);
        long before = Server.server.stats().requests();

        KafkaTestClient.send("prompts." + MODEL, tasks);
        KafkaTestClient.send("prompts." + MODEL, tasks);
        List<Completion> completions = completions("twice", 2 * tasks.size());

        assertThat(Server.server.stats().requests() - before).isEqualTo(tasks.size());
        assertThat(completions.stream().map(completion -> completion.header().taskId()))
                .containsOnlyElementsOf(tasks.keySet()).hasSize(2 * tasks.size());
        assertThat(completions).allSatisfy(completion -> assertThat(completion).isEqualTo(completions.stream()
                .filter(other -> other.header().taskId().equals(completion.header().taskId())).findFirst().orElseThrow()));
    }

    @Test
    void aRunSubmittedAgainIsAnsweredFromTheStore() throws Exception {
        Map<String, PromptTask> tasks = tasks("again", 12);
        long before = Server.server.stats().requests();
        KafkaTestClient.send("prompts." + MODEL, tasks);
        List<Completion> first = completions("again", tasks.size());

        KafkaTestClient.send("prompts." + MODEL, tasks);
        List<Completion> both = completions("again", 2 * tasks.size());

        assertThat(Server.server.stats().requests() - before).isEqualTo(tasks.size());
        assertThat(both).containsExactlyInAnyOrderElementsOf(List.of(first, first).stream().flatMap(List::stream).toList());
        for (Completion completion : first) {
            assertStored(completion);
        }
    }

    @Test
    void spareTasksWaitForAFreeSlotAndNeverTakeTheServerPastItsCap() {
        Map<String, PromptTask> tasks = tasks("capped", 20);
        KafkaTestClient.send("prompts." + MODEL, tasks);
        completions("capped", tasks.size());

        assertThat(Server.server.stats().peakOpen()).isLessThanOrEqualTo(CAP);
        assertThat(Server.server.stats().rejectedAtCap()).isZero();
    }

    @Test
    void everyCompletionCostsItsTokensAtTheCardsPrices() {
        Map<String, PromptTask> tasks = tasks("priced", 4);
        KafkaTestClient.send("prompts." + MODEL, tasks);

        assertThat(completions("priced", tasks.size())).allSatisfy(completion -> {
            assertThat(completion.promptTokens()).isPositive();
            assertThat(completion.costUsd()).isCloseTo((completion.promptTokens() * PROMPT_PRICE
                    + completion.completionTokens() * COMPLETION_PRICE) / 1e6, within(1e-15));
        });
    }

    @Test
    void servesEveryWorkerSeriesOfTheMetricsDocAndTheKafkaClientsLag() throws Exception {
        Map<String, PromptTask> tasks = tasks("metered", 2);
        KafkaTestClient.send("prompts." + MODEL, tasks);
        completions("metered", tasks.size());
        List<String> documented = Files.readAllLines(Path.of("../docs/metrics.md")).stream()
                .filter(line -> line.contains("| inference-worker |"))
                .map(line -> line.substring(line.indexOf('`') + 1, line.indexOf('`', line.indexOf('`') + 1))).toList();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(documented).hasSizeGreaterThanOrEqualTo(8);
        for (String series : documented) {
            assertThat(metrics).as(series).containsPattern("(?m)^" + series + "(_bucket|_count)?\\{[^}]*model=\"" + MODEL + "\"");
        }
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    private static Map<String, PromptTask> tasks(String run, int count) {
        List<Item> items = IntStream.range(0, count).mapToObj(row -> new Item("t/geo/test/" + row, "t", "geo", "test",
                "Question " + row, List.of("w", "x", "y", "z"), row % 4)).toList();
        RunSpec spec = new RunSpec(run, "t", null, null, null, List.of(VariantPresets.named("plain")), List.of(MODEL));
        Map<String, PromptTask> tasks = new LinkedHashMap<>();
        RunPlanner.tasks(run, spec, items, Map.of()).forEach(task -> tasks.put(task.header().taskId(), task));
        return tasks;
    }

    /** This run's completions, once at least {@code count} of them are on the topic. */
    private static List<Completion> completions(String run, int count) {
        List<List<Completion>> read = new ArrayList<>(List.of(List.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            read.set(0, KafkaTestClient.read(TOPIC, Completion.class, Integer.MAX_VALUE, Duration.ofMillis(500)).stream()
                    .map(KafkaTestClient.Record::value).filter(completion -> completion.header().runId().equals(run))
                    .toList());
            return read.get(0).size() >= count;
        });
        return read.get(0);
    }

    /** The stored row holds every field of the published completion. */
    private static void assertStored(Completion completion) throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.database().user(), infrastructure.database().password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT run_id, model, text, label_logprobs::text, finish_reason, prompt_tokens, completion_tokens,"
                             + " latency_millis, attempts, cost_usd, backend FROM worker.completions WHERE task_id = ?")) {
            select.setString(1, completion.header().taskId());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a row for task " + completion.header().taskId()).isTrue();
                assertThat(row.getString(1)).isEqualTo(completion.header().runId());
                assertThat(row.getString(2)).isEqualTo(completion.header().model());
                assertThat(row.getString(3)).isEqualTo(completion.text());
                assertThat(JSON.readValue(row.getString(4), new TypeReference<Map<String, Double>>() {
                })).isEqualTo(completion.labelLogprobs());
                assertThat(row.getString(5)).isEqualTo(completion.finishReason());
                assertThat(row.getInt(6)).isEqualTo(completion.promptTokens());
                assertThat(row.getInt(7)).isEqualTo(completion.completionTokens());
                assertThat(row.getLong(8)).isEqualTo(completion.latencyMillis());
                assertThat(row.getInt(9)).isEqualTo(completion.attempts());
                assertThat(row.getDouble(10)).isEqualTo(completion.costUsd());
                assertThat(row.getString(11)).isEqualTo(completion.backend());
            }
        }
    }
}
