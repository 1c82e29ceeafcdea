package dev.headroom.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.budget.BudgetEstimate;
import dev.headroom.core.budget.BudgetedElicitation;
import dev.headroom.core.budget.CostBudget;
import dev.headroom.core.run.Budget;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.variant.Variant;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes a model's share of a run that has a budget round by round, as core's {@link BudgetedElicitation}
 * allocates it: each round's tasks are published (topic prompts.&lt;model&gt;, through {@link PromptPublisher}), the
 * aggregator's summary is polled until they are scored or dead-lettered, their outcomes are read from its
 * {@code GET /runs/{id}/tasks}, and the next round is allocated from them. With a budget in dollars the first round
 * asks every variant once, and before every round the calls are limited to what the money left pays for at the mean
 * cost per call the summary reports so far (core's {@link CostBudget}); answers without a cost (a model card without
 * prices) fail the model's share. Task ids are the grid's, so a run submitted again after a restart repeats the same
 * rounds and the workers answer them from their stored completions.
 */
@ApplicationScoped
public class BudgetedRun {

    // one thread per budgeted share: each spends most of its time waiting for its rounds to be answered
    private final ExecutorService rounds = Executors.newCachedThreadPool(r -> new Thread(r, "budgeted-run"));

    @Inject
    PromptPublisher publisher;

    @Inject
    RunRegistry registry;

    @Inject
    @RestClient
    AggregatorClient aggregator;

    @Inject
    BudgetConfig config;

    @Inject
    ObjectMapper json;

    public void launch(RunPlan plan, String model) {
        registry.startPublishing(plan.runId(), model, plan.expectedTasks(model));
        rounds.submit(() -> {
            try {
                BudgetEstimate estimate = run(plan, model, plan.spec().budgetOf(model));
                Log.infof("run %s: %s spent %d calls; best %s at %.3f held out, quantiles 5/50/95%% %.3f/%.3f/%.3f",
                        plan.runId(), model, estimate.calls(), estimate.bestVariant(), estimate.bestHeldOut().estimate(),
                        estimate.q05().estimate(), estimate.q50().estimate(), estimate.q95().estimate());
            } catch (RuntimeException | JsonProcessingException e) {
                Log.errorf(e, "run %s: budgeted publishing for %s failed", plan.runId(), model);
                registry.finishPublishing(plan.runId(), model, 0, RunRegistry.Status.FAILED, String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private BudgetEstimate run(RunPlan plan, String model, Budget budget) throws InterruptedException, JsonProcessingException {
        Map<String, Item> items = plan.items().stream().collect(Collectors.toMap(Item::id, Function.identity()));
        Map<String, Variant> variants = plan.spec().variants().stream()
                .collect(Collectors.toMap(Variant::id, Function.identity()));
        List<String> variantIds = plan.spec().variants().stream().map(Variant::id).toList();
        BudgetedElicitation elicitation = new BudgetedElicitation(variantIds, List.copyOf(items.keySet()),
                (int) plan.expectedTasks(model), budget.targetIntervalWidth() == null ? 0 : budget.targetIntervalWidth());
        CostBudget cost = budget.maxCostUsd() == null ? null : new CostBudget(budget.maxCostUsd());
        RunSummary answered = null;
        long published = 0;
        while (!elicitation.finished()) {
            if (cost != null) {
                elicitation.limitCalls(affordableCalls(cost, model, answered, elicitation));
            }
            List<BudgetedElicitation.Cell> round = elicitation.nextRound();
            if (round.isEmpty()) {
                continue;
            }
            published += publisher.publish(round.stream().map(cell -> RunPlanner.task(plan.runId(), model,
                    items.get(elicitation.itemIds().get(cell.item())), variants.get(variantIds.get(cell.variant())),
                    plan.examples())));
            answered = awaitAnswers(plan.runId(), model, published);
            recordOutcomes(elicitation, plan.runId(), model);
        }
        BudgetEstimate estimate = elicitation.estimate();
        registry.finishBudgeted(plan.runId(), model, published, json.writeValueAsString(estimate));
        return estimate;
    }

    /**
     * The calls in all the money left pays for, at the mean cost per call in the last summary read (none yet: the
     * first round). Nothing priced though answers were scored means the worker's card has no prices: no cost budget
     * can hold, so the share fails.
     */
    private static int affordableCalls(CostBudget cost, String model, RunSummary answered, BudgetedElicitation elicitation) {
        RunSummary.Spent spent = answered == null ? new RunSummary.Spent(model, 0, 0) : answered.spentBy(model);
        if (spent.pricedTasks() == 0 && answered != null && answered.scored(model) > 0) {
            throw new IllegalStateException("maxCostUsd: " + model + "'s answers carry no cost, its model card has no "
                    + "prices (headroom.worker.card.usd-per-million-prompt-tokens and ...-completion-tokens)");
        }
        return cost.affordableCalls(spent.pricedTasks(), spent.costUsd(), elicitation.smallestBalancedBudget());
    }

    /**
     * Until every task published so far is scored or dead-lettered, or the round times out; the last summary read,
     * null when the aggregator never answered.
     */
    private RunSummary awaitAnswers(String runId, String model, long published) throws InterruptedException {
        long deadline = System.nanoTime() + config.roundTimeout().toNanos();
        RunSummary summary = null;
        while (System.nanoTime() < deadline) {
            try {
                summary = aggregator.summary(runId);
                if (summary.scored(model) + summary.deadLettered(model) >= published) {
                    return summary;
                }
            } catch (RuntimeException e) {
                Log.warnf("run %s: aggregator unreachable while %s's round is answered: %s", runId, model, e.getMessage());
            }
            Thread.sleep(config.pollInterval().toMillis());
        }
        Log.warnf("run %s: %s's round not fully answered after %s; allocating the next from what is in",
                runId, model, config.roundTimeout());
        return summary;
    }

    private void recordOutcomes(BudgetedElicitation elicitation, String runId, String model) {
        for (TaskOutcome task : aggregator.tasks(runId)) {
            // a task of a round a run interrupted before this one asked is not allocated yet: it is recorded when it is
            if (task.model().equals(model)) {
                elicitation.allocatedCell(task.variantId(), task.itemId())
                        .ifPresent(cell -> elicitation.record(cell.variant(), cell.item(), task.correct()));
            }
        }
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
    }
}
