package dev.headroom.worker;

import dev.headroom.worker.openai.OpenAiConfig;
import dev.headroom.worker.resilience.RetryConfig;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * Makes sure no task waits unacknowledged past SmallRye's limit, {@code throttled.unprocessed-record-max-age.ms}:
 * past it the consumer is failed, not just one record.
 *
 * <p>SmallRye starts a record's clock when it hands the record downstream, after its poll queue. The answerer takes
 * a record only when one of its slots is free, and one more may be prefetched behind them; a task in a slot ends,
 * answered or dead-lettered, within the task deadline. So a record is acknowledged within two task deadlines (plus
 * the broker's acknowledgement of the completion, well inside the margin). {@code max.poll.records} is set to the
 * concurrency so that the poll queue, up to (max-queue-size-factor + 1) polls, stays a few rounds of work.
 */
record PollingBudget(Duration taskDeadline, Duration requestTimeout, Duration maxAge) {

    static final String MAX_AGE_KEY = "mp.messaging.incoming.prompts.throttled.unprocessed-record-max-age.ms";
    private static final Duration MARGIN = Duration.ofSeconds(5);

    static PollingBudget of(WorkerConfig worker, RetryConfig retry, OpenAiConfig openAi, Config config) {
        long maxAgeMillis = config.getOptionalValue(MAX_AGE_KEY, Long.class).orElse(60_000L);
        return new PollingBudget(retry.taskDeadline(),
                worker.backend().equals("openai") ? openAi.requestTimeout() : Duration.ZERO, Duration.ofMillis(maxAgeMillis));
    }

    Duration worstCaseWait() {
        return taskDeadline.multipliedBy(2).plus(MARGIN);
    }

    void check() {
        if (maxAge.isZero()) {
            return; // monitoring disabled
        }
        if (worstCaseWait().compareTo(maxAge) > 0) {
            throw new IllegalArgumentException("headroom.worker.retry.task-deadline=" + taskDeadline.toMillis()
                    + "ms: a task may wait two deadlines plus " + MARGIN.toSeconds() + " s unacknowledged, more than "
                    + MAX_AGE_KEY + "=" + maxAge.toMillis() + "; lower the deadline or raise that limit");
        }
        if (requestTimeout.compareTo(taskDeadline) > 0) {
            throw new IllegalArgumentException("headroom.worker.openai.request-timeout=" + requestTimeout.toMillis()
                    + "ms is longer than headroom.worker.retry.task-deadline=" + taskDeadline.toMillis()
                    + "ms: not even one request would get its full time");
        }
    }
}
