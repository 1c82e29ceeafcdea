package dev.headroom.cli;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos command, smaller: one round, every service killed (-9) and restarted once at a random moment, then the
 * broker restarted; nothing lost or doubled.
 */
class ChaosTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final String MODEL = "sim-7b-base";
    private static final List<Variant> VARIANTS = List.of(VariantPresets.named("plain"),
            VariantPresets.named("numbers-reversed"), VariantPresets.named("lower-shuffled"),
            VariantPresets.named("roman-shift1"));
    private static final RunSpec SPEC = new RunSpec(null, "mmlu-sample", "test", List.of(), null, VARIANTS, List.of(MODEL));

    private static LocalStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        // slow enough that the run outlasts a round of kills
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-chaos-"),
                new LocalStack.Options(List.of(MODEL), Map.of(), SimServerConfig.plain(Duration.ofMillis(1000)), 1,
                        List.of("-Dheadroom.worker.max-concurrency=2")),
                infrastructure.broker(), infrastructure.database(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingEveryServiceAndRestartingTheBrokerLosesAndDoublesNothing() throws Exception {
        List<Item> items = new MmluLoader(HOME.resolve("samples/mmlu-sample"), "mmlu-sample").items("test", Set.of());
        ChaosRun.Report report = ChaosRun.run(stack, SPEC, runId -> ChaosBench.expectedIds(runId, items, VARIANTS, MODEL),
                Duration.ofSeconds(2), 1, 7, Duration.ofSeconds(600), System.out);
        report.print(System.out);

        assertThat(report.complete()).isTrue();
        assertThat(report.kills().values()).allSatisfy(kills -> assertThat(kills).isPositive());
        assertThat(report.brokerRestarts()).isEqualTo(1);
        assertThat(report.expected()).isEqualTo(items.size() * VARIANTS.size());
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.unexpected()).isZero();
        assertThat(report.aggregateMismatches()).isZero();
    }
}
