package dev.headroom.generator;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Publishes each model's share of a run in the background, one at a time, so no HTTP request waits on a large run;
 * a share with a budget goes to {@link BudgetedRun}.
 */
@ApplicationScoped
public class RunLauncher {

    private final ExecutorService publishing = Executors.newSingleThreadExecutor(r -> new Thread(r, "run-publisher"));

    @Inject
    PromptPublisher publisher;

    @Inject
    RunRegistry registry;

    @Inject
    PublishingMetrics metrics;

    @Inject
    BudgetedRun budgeted;

    public void launch(RunPlan plan, String model) {
        if (plan.spec().budgetOf(model) != null) {
            budgeted.launch(plan, model);
            return;
        }
        registry.startPublishing(plan.runId(), model, plan.tasksPerModel());
        metrics.refreshExpectedTasks();
        publishing.submit(() -> {
            try {
                long published = publisher.publish(plan.tasksFor(model));
                registry.finishPublishing(plan.runId(), model, published, RunRegistry.Status.PUBLISHED, null);
                Log.infof("run %s: published %d tasks for %s", plan.runId(), published, model);
            } catch (RuntimeException e) {
                Log.errorf(e, "run %s: publishing for %s failed", plan.runId(), model);
                registry.finishPublishing(plan.runId(), model, 0, RunRegistry.Status.FAILED, String.valueOf(e.getMessage()));
            }
        });
    }

    @PreDestroy
    void stop() {
        publishing.shutdownNow();
    }
}
