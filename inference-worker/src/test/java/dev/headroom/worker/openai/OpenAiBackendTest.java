package dev.headroom.worker.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.sim.SimModel;
import dev.headroom.core.sim.SimProfiles;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.simserver.Fault;
import dev.headroom.simserver.FaultPlan;
import dev.headroom.simserver.SimServer;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.worker.resilience.RequestObserver;
import dev.headroom.worker.resilience.ResilientCaller;
import dev.headroom.worker.resilience.TaskFailedException;
import dev.headroom.worker.resilience.TestRetryConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The client against the running sim server, the production HTTP path end to end. */
class OpenAiBackendTest {

    private static final String MODEL = "sim-0.5b-base";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<PromptTask> tasks(int count) {
        List<Item> items = IntStream.range(0, count).mapToObj(row -> new Item("t/geo/test/" + row, "t", "geo", "test",
                "Question " + row, List.of("w", "x", "y", "z"), row % 4)).toList();
        RunSpec spec = new RunSpec("r", "t", null, null, null, List.of(VariantPresets.named("lower-shuffled")),
                List.of(MODEL));
        return RunPlanner.tasks("r", spec, items, Map.of()).toList();
    }

    private static OpenAiBackend backend(SimServer server, OpenAiConfig.Endpoint endpoint, int maxAttempts,
                                         Duration requestTimeout) {
        TestOpenAiConfig config = TestOpenAiConfig.sim(server.baseUrl().toString(), endpoint)
                .withRequestTimeout(requestTimeout);
        return new OpenAiBackend(config, MODEL, new ResilientCaller(TestRetryConfig.quick(maxAttempts,
                Duration.ofSeconds(20)), requestTimeout, 4, RequestObserver.NONE), JSON, Optional.of("sk-test"));
    }

    private static SimServerConfig plain() {
        return SimServerConfig.plain(Duration.ofMillis(1));
    }

    @Test
    void chatAnswersAreTheSimsWithTheLabelsLogprobsItReports() {
        SimModel sim = new SimModel(SimProfiles.named(MODEL));
        try (SimServer server = SimServer.start(plain())) {
            OpenAiBackend backend = backend(server, OpenAiConfig.Endpoint.CHAT, 1, Duration.ofSeconds(5));
            for (PromptTask task : tasks(12)) {
                Completion completion = backend.complete(task);

                assertThat(completion.text()).isEqualTo(sim.answer(task.header()).strip());
                assertThat(completion.backend()).isEqualTo("sim");
                assertThat(completion.attempts()).isEqualTo(1);
                assertThat(completion.promptTokens()).isPositive();
                List<Double> probabilities = sim.answeredProbabilities(task.header());
                List<String> labels = task.header().labels();
                for (int position = 0; position < labels.size(); position++) {
                    Double logprob = completion.labelLogprobs().get(labels.get(position));
                    assertThat(logprob == null ? 0 : Math.exp(logprob)).isCloseTo(probabilities.get(position), within(1e-9));
                }
            }
        }
    }

    @Test
    void legacyCompletionsGiveTheSimsTextAsABaseModelContinuesIt() {
        SimModel sim = new SimModel(SimProfiles.named(MODEL));
        try (SimServer server = SimServer.start(plain())) {
            OpenAiBackend backend = backend(server, OpenAiConfig.Endpoint.COMPLETIONS, 1, Duration.ofSeconds(5));
            for (PromptTask task : tasks(8)) {
                Completion completion = backend.complete(task);

                assertThat(completion.text()).isEqualTo(sim.answer(task.header()));
                assertThat(completion.finishReason()).isEqualTo("stop");
            }
        }
    }

    @Test
    void everyKindOfFaultIsRetriedUntilTheAnswerComes() {
        SimModel sim = new SimModel(SimProfiles.named(MODEL));
        SimServerConfig faulty = plain().withFaults(FaultPlan.everyKind(0.5), Duration.ofSeconds(1));
        try (SimServer server = SimServer.start(faulty)) {
            OpenAiBackend backend = backend(server, OpenAiConfig.Endpoint.CHAT, 30, Duration.ofMillis(300));
            List<PromptTask> tasks = tasks(30);
            int attempts = 0;
            for (PromptTask task : tasks) {
                Completion completion = backend.complete(task);
                assertThat(completion.text()).isEqualTo(sim.answer(task.header()).strip());
                attempts += completion.attempts();
            }

            assertThat(attempts).isGreaterThan(tasks.size());
            assertThat(server.stats().faults().values()).allSatisfy(count -> assertThat(count).isPositive());
        }
    }

    @Test
    void aServerThatAlwaysFailsExhaustsTheRetriesWithTheReason() {
        SimServerConfig failing = plain().withFaults(new FaultPlan(Map.of(Fault.SERVER_ERROR, 1.0)), Duration.ofSeconds(1));
        try (SimServer server = SimServer.start(failing)) {
            OpenAiBackend backend = backend(server, OpenAiConfig.Endpoint.CHAT, 3, Duration.ofSeconds(5));

            assertThatThrownBy(() -> backend.complete(tasks(1).get(0))).isInstanceOf(TaskFailedException.class)
                    .hasMessageStartingWith("server-error after 3 attempts: HTTP 500");
            assertThat(server.stats().requests()).isEqualTo(3);
        }
    }

    @Test
    void aRequestThatTimesOutCountsAsATimeout() {
        SimServerConfig hanging = plain().withFaults(new FaultPlan(Map.of(Fault.TIMEOUT, 1.0)), Duration.ofSeconds(3));
        try (SimServer server = SimServer.start(hanging)) {
            OpenAiBackend backend = backend(server, OpenAiConfig.Endpoint.CHAT, 2, Duration.ofMillis(200));

            assertThatThrownBy(() -> backend.complete(tasks(1).get(0)))
                    .hasMessage("timeout after 2 attempts: no answer within 200 ms");
        }
    }

    @Test
    void anUnknownModelIsRejectedWithoutRetry() {
        try (SimServer server = SimServer.start(plain())) {
            TestOpenAiConfig config = TestOpenAiConfig.sim(server.baseUrl().toString(), OpenAiConfig.Endpoint.CHAT);
            OpenAiBackend backend = new OpenAiBackend(config, "gpt-unknown", new ResilientCaller(
                    TestRetryConfig.quick(5, Duration.ofSeconds(20)), Duration.ofSeconds(5), 4, RequestObserver.NONE), JSON, Optional.empty());

            assertThatThrownBy(() -> backend.complete(tasks(1).get(0)))
                    .hasMessageStartingWith("rejected after 1 attempt: HTTP 404")
                    .hasMessageContaining("gpt-unknown");
        }
    }

    @Test
    void theApiKeyComesFromTheNamedVariableOrFileAndNeverShowsInAnError(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        TestOpenAiConfig base = TestOpenAiConfig.sim("http://127.0.0.1:1/v1", OpenAiConfig.Endpoint.CHAT);
        Path secret = Files.writeString(dir.resolve("key"), "sk-from-file\n");

        assertThat(ApiKey.load(base.withKey(Optional.of("MY_KEY"), Optional.empty()), Map.of("MY_KEY", "sk-from-env")))
                .contains("sk-from-env");
        assertThat(ApiKey.load(base.withKey(Optional.empty(), Optional.of(secret)), Map.of())).contains("sk-from-file");
        assertThatThrownBy(() -> ApiKey.load(base.withKey(Optional.of("MY_KEY"), Optional.empty()), Map.of()))
                .hasMessage("headroom.worker.openai.api-key-env: the environment variable MY_KEY is not set");
        assertThatThrownBy(() -> ApiKey.load(base.withKey(Optional.of("MY_KEY"), Optional.of(secret)),
                Map.of("MY_KEY", "sk-from-env"))).message().doesNotContain("sk-");
    }
}
