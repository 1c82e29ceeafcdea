package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline, the four services as their packaged apps on the real broker and database, on the bundled
 * sample with two probe models whose answers are known exactly: sim-oracle is always right, sim-first-option
 * always picks the first option shown.
 */
class PipelineTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final List<String> MODELS = List.of("sim-oracle", "sim-first-option");
    private static final List<Variant> VARIANTS = List.of(VariantPresets.named("plain"), VariantPresets.named("numbers-reversed"));
    private static final RunSpec SPEC = new RunSpec(null, "mmlu-sample", "test", List.of(), null, VARIANTS, MODELS);

    private static LocalStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-pipeline-"),
                new LocalStack.Options(MODELS, Map.of()), infrastructure.broker(), infrastructure.database(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void scoresEveryTaskOnceWithExactAccuraciesAndResubmittingChangesNothing() throws Exception {
        List<Item> items = new MmluLoader(HOME.resolve("samples/mmlu-sample"), "mmlu-sample").items("test", Set.of());
        long goldFirst = items.stream().filter(item -> item.answerIndex() == 0).count();
        long goldLast = items.stream().filter(item -> item.answerIndex() == 3).count();

        String runId = runToCompletion();

        Set<String> expectedIds = new HashSet<>();
        for (String model : MODELS) {
            for (Item item : items) {
                for (Variant variant : VARIANTS) {
                    expectedIds.add(TaskHeader.taskId(runId, model, item.id(), variant.id()));
                }
            }
        }
        assertThat(query("SELECT task_id FROM aggregator.scores WHERE run_id = '" + runId + "'"))
                .hasSize(expectedIds.size()).containsExactlyInAnyOrderElementsOf(expectedIds);
        int n = items.size();
        assertThat(query("SELECT model || ' ' || variant_name || ' ' || items || ' ' || correct || ' ' || unparsed"
                + " FROM aggregator.variant_summary WHERE run_id = '" + runId + "' ORDER BY 1"))
                .containsExactly(
                        "sim-first-option labels=number,order=reversed " + n + " " + goldLast + " 0",
                        "sim-first-option plain " + n + " " + goldFirst + " 0",
                        "sim-oracle labels=number,order=reversed " + n + " " + n + " 0",
                        "sim-oracle plain " + n + " " + n + " 0");
        JsonNode statistics = stack.client().statistics(runId).get("models");
        assertThat(statistics.at("/sim-oracle/overall/maxP/estimate").asDouble()).isEqualTo(1.0);
        assertThat(statistics.at("/sim-first-option/overall/plain/estimate").asDouble()).isEqualTo((double) goldFirst / n);
        List<String> rowsBefore = snapshot(runId);

        assertThat(runToCompletion()).isEqualTo(runId);
        awaitNoConsumerLag();

        assertThat(snapshot(runId)).isEqualTo(rowsBefore);
    }

    @Test
    void everyServiceIsHealthyAndTheAggregatorExportsItsCountsToPrometheus() throws Exception {
        runToCompletion();
        HttpClient http = HttpClient.newHttpClient();

        for (String service : List.of("prompt-generator", "scorer", "aggregator", "worker-sim-oracle", "worker-sim-first-option")) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(stack.url(service).resolve("/q/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service + " health").isEqualTo(200);
        }
        String metrics = http.send(HttpRequest.newBuilder(stack.url("aggregator").resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("headroom_scores_stored_total\\{.*model=\"sim-oracle\".*outcome=\"CORRECT\".*} [1-9]");
    }

    @Test
    void deployingAWorkerForANewModelAddsItsResultsToARunOpenToEveryModel() throws Exception {
        RunSpec open = new RunSpec("open-run", "mmlu-sample", "test", List.of(), 10, List.of(Variant.PLAIN), List.of("*"));
        String runId = stack.client().submit(open);

        stack.startWorker("sim-7b-base");
        // every model ever announced on the shared broker joins an open run, also those of other tests' stopped stacks
        awaitStatus(runId, status -> Stream.of("sim-7b-base", "sim-first-option", "sim-oracle")
                .allMatch(model -> status.path("progress").path(model).path("scored").asLong() == 10));

        assertThat(query("SELECT model || ' ' || items FROM aggregator.variant_summary WHERE run_id = 'open-run' ORDER BY 1"))
                .containsExactly("sim-7b-base 10", "sim-first-option 10", "sim-oracle 10");
    }

    private static String runToCompletion() throws InterruptedException {
        return runToCompletion(SPEC);
    }

    /** Submits (or resubmits) the spec and waits until the run says every expected task of every model is scored. */
    private static String runToCompletion(RunSpec spec) throws InterruptedException {
        String runId = stack.client().submit(spec);
        awaitStatus(runId, status -> status.get("complete").asBoolean());
        return runId;
    }

    private static void awaitStatus(String runId, Predicate<JsonNode> reached) throws InterruptedException {
        HeadroomClient client = stack.client();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = client.status(runId);
            if (reached.test(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " incomplete after 120 s: " + client.status(runId));
    }

    private static List<String> snapshot(String runId) throws Exception {
        List<String> rows = new ArrayList<>(query("SELECT task_id || outcome || coalesce(chosen_index, -1) FROM aggregator.scores"
                + " WHERE run_id = '" + runId + "' ORDER BY task_id"));
        rows.addAll(query("SELECT model || variant_id || items || correct || unparsed FROM aggregator.variant_summary"
                + " WHERE run_id = '" + runId + "' ORDER BY 1"));
        return rows;
    }

    private static List<String> query(String sql) throws Exception {
        return StackDatabase.column(stack, sql);
    }

    /**
     * Every consumer group with members has read and committed everything published so far: the resubmitted wave has
     * landed. Groups without members belong to other tests' stopped stacks on the shared broker.
     */
    private static void awaitNoConsumerLag() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()))) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                long lag = 0;
                List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
                List<String> active = admin.describeConsumerGroups(groups).all().get().values().stream()
                        .filter(group -> !group.members().isEmpty()).map(ConsumerGroupDescription::groupId).toList();
                for (String group : active) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var entry : committed.entrySet()) {
                        lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
                if (lag == 0) {
                    return;
                }
                Thread.sleep(Duration.ofMillis(200).toMillis());
            }
            throw new AssertionError("consumer groups still lag after 60 s");
        }
    }
}
