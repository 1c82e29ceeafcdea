package dev.headroom.cli;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.FaultPlan;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline on a sim server that injects every kind of fault at 30% in all, with two attempts per task: some
 * tasks are scored after a retry, some are dead-lettered, none is lost, and Postgres counts both.
 */
class FaultRunTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final String MODEL = "sim-7b-base";
    private static final List<Variant> VARIANTS = List.of(VariantPresets.named("plain"), VariantPresets.named("numbers-reversed"),
            VariantPresets.named("lower-shuffled"), VariantPresets.named("roman-shift1"));
    /** Its own id: a run of the same content elsewhere in this JVM (ChaosTest) would have scored every task already. */
    private static final RunSpec SPEC = new RunSpec("fault-run", "mmlu-sample", "test", List.of(), null, VARIANTS,
            List.of(MODEL));
    private static final String REASON = "^(rate-limited|server-error|timeout|connection-error|malformed-response|deadline"
            + "|circuit-open) after [12] attempts?: .+";

    private static LocalStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        SimServerConfig faulty = SimServerConfig.plain(Duration.ofMillis(5))
                .withFaults(FaultPlan.everyKind(0.3), Duration.ofSeconds(3));
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-faults-"),
                new LocalStack.Options(List.of(MODEL), Map.of(), faulty, 1, List.of(
                        "-Dheadroom.worker.openai.request-timeout=1s", "-Dheadroom.worker.retry.max-attempts=2",
                        "-Dheadroom.worker.retry.initial-backoff=10ms")),
                infrastructure.broker(), infrastructure.database(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyTaskIsScoredOrDeadLetteredWithItsReasonAndNoneIsLost() throws Exception {
        List<Item> items = new MmluLoader(HOME.resolve("samples/mmlu-sample"), "mmlu-sample").items("test", Set.of());
        HeadroomClient client = stack.client();
        String runId = client.submit(SPEC);
        Instant deadline = Instant.now().plusSeconds(240);
        while (!client.status(runId).get("complete").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        Set<String> expected = ChaosBench.expectedIds(runId, items, VARIANTS, MODEL);
        Set<String> scored = new HashSet<>(query("SELECT task_id FROM aggregator.scores WHERE run_id = '" + runId + "'"));
        Set<String> deadLettered = new HashSet<>(query("SELECT task_id FROM aggregator.dead_letters WHERE run_id = '"
                + runId + "' AND task_id NOT IN (SELECT task_id FROM aggregator.scores)"));
        Set<String> finished = new HashSet<>(scored);
        finished.addAll(deadLettered);

        assertThat(client.status(runId).get("complete").asBoolean()).as("run complete").isTrue();
        assertThat(finished).as("scored or dead-lettered, nothing lost").isEqualTo(expected);
        assertThat(deadLettered).isNotEmpty();
        assertThat(query("SELECT reason FROM aggregator.dead_letters WHERE run_id = '" + runId + "'"))
                .allSatisfy(reason -> assertThat(reason).matches(REASON));
        assertThat(client.status(runId).get("deadLetteredTasks").asLong()).isEqualTo(deadLettered.size());
        assertThat(stack.simServer().stats().faults().values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    private static List<String> query(String sql) throws Exception {
        return StackDatabase.column(stack, sql);
    }
}
