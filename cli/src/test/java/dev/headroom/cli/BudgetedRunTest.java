package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.core.run.Budget;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.sim.SimGrid;
import dev.headroom.core.variant.Variant;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A run with a budget on the whole pipeline (the four services on the real broker and database, a sim worker whose
 * card has prices): the generator asks round by round and stops at the budget, and the run reports its estimate.
 */
class BudgetedRunTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final String MODEL = "sim-7b-base";
    private static final List<Variant> VARIANTS = SimGrid.formatGrid().subList(0, 8);
    private static final int MAX_CALLS = 100;
    /** Per million tokens, prompt and completion alike: a prompt of the sample (about 60 tokens) costs about $0.06. */
    private static final double USD_PER_MILLION_TOKENS = 1_000;
    private static final double MAX_COST_USD = 3.0;

    private static LocalStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        stack = LocalStack.startServices(HOME, Files.createTempDirectory("headroom-budgeted-"),
                new LocalStack.Options(List.of(MODEL), Map.of(), SimServerConfig.plain(LocalStack.Options.DEMO_LATENCY), 1,
                        List.of("-Dheadroom.worker.card.usd-per-million-prompt-tokens=" + USD_PER_MILLION_TOKENS,
                                "-Dheadroom.worker.card.usd-per-million-completion-tokens=" + USD_PER_MILLION_TOKENS)),
                infrastructure.broker(), infrastructure.database(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aBudgetedRunPublishesNoMoreThanItsBudgetAndReportsItsEstimate() throws Exception {
        RunSpec spec = new RunSpec("budgeted-run", "mmlu-sample", "test", List.of(), null, VARIANTS, List.of(MODEL),
                Map.of(MODEL, new Budget(MAX_CALLS, null, null)));

        String runId = stack.client().submit(spec);
        JsonNode status = awaitComplete(runId);

        JsonNode progress = status.path("progress").path(MODEL);
        assertThat(progress.path("published").asLong()).isPositive().isLessThanOrEqualTo(MAX_CALLS);
        assertThat(StackDatabase.column(stack, "SELECT count(*) FROM aggregator.scores WHERE run_id = '" + runId + "'"))
                .containsExactly(progress.path("published").asText());
        JsonNode estimate = progress.path("budgetEstimate");
        assertThat(estimate.path("calls").asLong()).isEqualTo(progress.path("published").asLong());
        assertThat(VARIANTS.stream().map(Variant::id)).contains(estimate.path("bestVariant").asText());
        assertThat(estimate.path("q50").path("estimate").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aRunWithABudgetInDollarsAsksBeyondItsFirstRoundAndStopsWithinIt() throws Exception {
        RunSpec spec = new RunSpec("cost-budgeted-run", "mmlu-sample", "test", List.of(), null, VARIANTS, List.of(MODEL),
                Map.of(MODEL, new Budget(null, MAX_COST_USD, null)));

        String runId = stack.client().submit(spec);
        JsonNode status = awaitComplete(runId);

        long published = status.path("progress").path(MODEL).path("published").asLong();
        double spent = Double.parseDouble(StackDatabase.column(stack,
                "SELECT sum(cost_usd) FROM aggregator.scores WHERE run_id = '" + runId + "'").get(0));
        RunSummary.Spent reported = stack.client().summary(runId).spentBy(MODEL);
        assertThat(published).as("more than the first round, one call per variant").isGreaterThan(VARIANTS.size());
        assertThat(reported.pricedTasks()).isEqualTo(published);
        assertThat(reported.costUsd()).isCloseTo(spent, within(1e-9)).isLessThanOrEqualTo(MAX_COST_USD);
    }

    private static JsonNode awaitComplete(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = stack.client().status(runId);
            if (status.path("complete").asBoolean()) {
                return status;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + runId + " incomplete after 180 s: " + stack.client().status(runId));
    }
}
