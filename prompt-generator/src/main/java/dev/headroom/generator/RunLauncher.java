package dev.headroom.generator;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Publishes runs in the background, one at a time, so that a large run does not hold its HTTP request open. */
@ApplicationScoped
public class RunLauncher {

    private final ExecutorService publishing = Executors.newSingleThreadExecutor(r -> new Thread(r, "run-publisher"));

    @Inject
    PromptPublisher publisher;

    @Inject
    RunRegistry registry;

    public void launch(String runId, RunSpec spec, List<Item> items, Map<String, List<Item>> examples) {
        publishing.submit(() -> {
            try {
                long published = publisher.publish(RunPlanner.tasks(runId, spec, items, examples));
                registry.finish(runId, published, RunRegistry.Status.PUBLISHED, null);
                Log.infof("run %s: published %d tasks", runId, published);
            } catch (RuntimeException e) {
                Log.errorf(e, "run %s: publishing failed", runId);
                registry.finish(runId, 0, RunRegistry.Status.FAILED, String.valueOf(e.getMessage()));
            }
        });
    }

    @PreDestroy
    void stop() {
        publishing.shutdownNow();
    }
}
