package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.worker.resilience.FailureKind;
import dev.headroom.worker.resilience.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.IntSupplier;

/** The worker's series of docs/metrics.md, each labelled with the model this deployment serves. */
@ApplicationScoped
public class WorkerMetrics implements RequestObserver {

    /** How a task ended: {@code reused} when its completion was already stored (or being made) and the model was not asked. */
    enum TaskResult {
        COMPLETED, REUSED, DEAD_LETTERED;

        String label() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;
    private final String model;
    private final Timer requestSeconds;
    private final Counter retries;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Counter costUsd;

    @Inject
    public WorkerMetrics(MeterRegistry registry, WorkerConfig config) {
        this(registry, config.model());
    }

    WorkerMetrics(MeterRegistry registry, String model) {
        this.registry = registry;
        this.model = model;
        this.requestSeconds = Timer.builder("headroom_worker_request_seconds").description("latency of one model request")
                .tag("model", model).publishPercentileHistogram().register(registry);
        this.retries = Counter.builder("headroom_worker_retries_total").description("attempts after the first")
                .tag("model", model).register(registry);
        this.promptTokens = tokens("prompt");
        this.completionTokens = tokens("completion");
        this.costUsd = Counter.builder("headroom_worker_cost_usd_total").description("cost from the model card's price")
                .tag("model", model).register(registry);
        // at zero from the start, so that a rate over them exists before the first task ends
        for (TaskResult result : TaskResult.values()) {
            tasks(result);
        }
    }

    @Override
    public void requested(FailureKind failure, Duration latency, int attempt) {
        Counter.builder("headroom_worker_requests_total").description("requests to the model, each attempt once")
                .tag("model", model).tag("result", result(failure)).register(registry).increment();
        requestSeconds.record(latency);
        if (attempt > 1) {
            retries.increment();
        }
    }

    /** A task the model answered: its tokens and its cost. */
    void completed(Completion completion) {
        tasks(TaskResult.COMPLETED).increment();
        promptTokens.increment(completion.promptTokens());
        completionTokens.increment(completion.completionTokens());
        if (completion.costUsd() != null) {
            costUsd.increment(completion.costUsd());
        }
    }

    void finished(TaskResult result) {
        tasks(result).increment();
    }

    /** The requests in flight now and the limit on them, read when Prometheus scrapes. */
    void gauges(IntSupplier inFlight, IntSupplier limit) {
        Gauge.builder("headroom_worker_in_flight", inFlight::getAsInt).description("requests in flight now")
                .tag("model", model).strongReference(true).register(registry);
        Gauge.builder("headroom_worker_concurrency_limit", limit::getAsInt).description("the adaptive limit now")
                .tag("model", model).strongReference(true).register(registry);
    }

    private Counter tasks(TaskResult result) {
        return Counter.builder("headroom_worker_tasks_total").description("tasks finished")
                .tag("model", model).tag("result", result.label()).register(registry);
    }

    private Counter tokens(String kind) {
        return Counter.builder("headroom_worker_tokens_total").description("tokens reported by the model")
                .tag("model", model).tag("kind", kind).register(registry);
    }

    static String result(FailureKind failure) {
        if (failure == null) {
            return "ok";
        }
        return switch (failure) {
            case RATE_LIMITED -> "rate_limited";
            case SERVER_ERROR -> "server_error";
            case TIMEOUT -> "timeout";
            case CONNECTION -> "connection";
            case MALFORMED -> "malformed";
            case REJECTED -> "client_error";
        };
    }
}
