package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.worker.resilience.FailureKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WorkerMetrics metrics = new WorkerMetrics(registry, "m");

    @Test
    void everyAttemptIsARequestLabelledByItsResultAndEveryLaterOneARetry() {
        metrics.requested(FailureKind.RATE_LIMITED, Duration.ofMillis(5), 1);
        metrics.requested(FailureKind.REJECTED, Duration.ofMillis(5), 2);
        metrics.requested(null, Duration.ofMillis(200), 3);

        assertThat(requests("rate_limited")).isEqualTo(1);
        assertThat(requests("client_error")).isEqualTo(1);
        assertThat(requests("ok")).isEqualTo(1);
        assertThat(registry.get("headroom_worker_retries_total").counter().count()).isEqualTo(2);
        assertThat(registry.get("headroom_worker_request_seconds").timer().count()).isEqualTo(3);
    }

    @Test
    void aCompletedTaskAddsItsTokensAndItsCost() {
        metrics.completed(completion(0.25));
        metrics.completed(completion(null));

        assertThat(registry.get("headroom_worker_tasks_total").tag("result", "completed").counter().count()).isEqualTo(2);
        assertThat(registry.get("headroom_worker_tokens_total").tag("kind", "prompt").counter().count()).isEqualTo(2 * 100);
        assertThat(registry.get("headroom_worker_tokens_total").tag("kind", "completion").counter().count()).isEqualTo(2 * 3);
        assertThat(registry.get("headroom_worker_cost_usd_total").counter().count()).isEqualTo(0.25);
    }

    @Test
    void everyTaskResultIsExportedFromTheStart() {
        assertThat(registry.get("headroom_worker_tasks_total").counters())
                .extracting(counter -> counter.getId().getTag("result"))
                .containsExactlyInAnyOrder("completed", "reused", "dead_lettered");
    }

    private double requests(String result) {
        return registry.get("headroom_worker_requests_total").tag("model", "m").tag("result", result).counter().count();
    }

    private static Completion completion(Double cost) {
        return new Completion(1, null, " A", Map.of(), "stop", 100, 3, 200, 1, "openai", cost);
    }
}
