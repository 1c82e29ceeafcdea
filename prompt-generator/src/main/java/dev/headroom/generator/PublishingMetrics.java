package dev.headroom.generator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generator's series of docs/metrics.md: tasks published per model, and each recent run's expected tasks per
 * model, read from the run tables so they survive a restart and runs older than the window drop out.
 */
@ApplicationScoped
public class PublishingMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    RunRegistry runs;

    @Inject
    GeneratorConfig config;

    private MultiGauge expectedTasks;
    private final Map<String, Counter> publishedPerModel = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        expectedTasks = MultiGauge.builder("headroom.run.tasks.expected")
                .description("tasks a run's share for a model holds").register(registry);
    }

    void exportOnStart(@Observes StartupEvent start) {
        refreshExpectedTasks();
    }

    /** Called when a run's share is registered: the expected counts change only then. */
    public void refreshExpectedTasks() {
        expectedTasks.register(runs.recentShares(config.expectedTasksWindow()).stream()
                .map(share -> MultiGauge.Row.of(Tags.of("run", share.runId(), "model", share.model()),
                        share.expectedTasks()))
                .toList(), true);
    }

    /** A task the broker acknowledged: once per task, so the counter is looked up once per model. */
    public void published(String model) {
        publishedPerModel.computeIfAbsent(model, m -> registry.counter("headroom.tasks.published", "model", m))
                .increment();
    }
}
