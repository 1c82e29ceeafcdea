package dev.headroom.cli;

import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM on a worker with model calls in flight: they finish, their completions are scored, their offsets are
 * committed, and after a restart no task is asked of the model a second time.
 */
class GracefulShutdownTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final String MODEL = "sim-7b-instruct";
    private static final String WORKER = LocalStack.workerName(MODEL, 1);
    private static final RunSpec SPEC = new RunSpec(null, "mmlu-sample", "test", List.of(), null,
            List.of(VariantPresets.named("plain")), List.of(MODEL));

    private static LocalStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        // slow calls, so that a SIGTERM finds several in flight
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-shutdown-"),
                new LocalStack.Options(List.of(MODEL), Map.of(), SimServerConfig.plain(Duration.ofMillis(1500)), 1,
                        List.of("-Dheadroom.worker.max-concurrency=8", "-Dheadroom.worker.shutdown.drain-timeout=20s")),
                infrastructure.broker(), infrastructure.database(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aStoppedWorkerFinishesItsCallsAndNoneIsAskedAgainAfterTheRestart() throws Exception {
        HeadroomClient client = stack.client();
        String runId = client.submit(SPEC);
        awaitUntil(() -> stack.simServer().stats().inService() >= 4, Duration.ofSeconds(60));

        stack.stop(WORKER, Duration.ofSeconds(40));
        long answeredBeforeRestart = stack.simServer().stats().tasksAnswered();
        stack.restart(WORKER);
        awaitUntil(() -> client.status(runId).get("complete").asBoolean(), Duration.ofSeconds(180));

        assertThat(Files.readString(stack.serviceLog(WORKER)))
                .contains("drained: every started task is acknowledged", "drained: the acknowledged offsets are committed");
        assertThat(answeredBeforeRestart).isPositive();
        assertThat(stack.simServer().stats().repeatedAnswers()).as("tasks asked again after the restart").isZero();
        long expected = client.status(runId).get("expectedTasks").asLong();
        assertThat(client.status(runId).get("scoredTasks").asLong()).isEqualTo(expected);
        assertThat(stack.simServer().stats().tasksAnswered()).isEqualTo(expected);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waited " + timeout).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
