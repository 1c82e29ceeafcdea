package dev.headroom.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollingBudgetTest {

    @Test
    void theDefaultsFitSmallRyesLimit() {
        assertThatCode(() -> new PollingBudget(Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofSeconds(60))
                .check()).doesNotThrowAnyException();
    }

    @Test
    void aDeadlineThatCouldLeaveARecordUnacknowledgedTooLongIsRefusedNamingTheKeys() {
        assertThatThrownBy(() -> new PollingBudget(Duration.ofSeconds(40), Duration.ofSeconds(10),
                Duration.ofSeconds(60)).check())
                .hasMessageStartingWith("headroom.worker.retry.task-deadline=40000ms")
                .hasMessageContaining(PollingBudget.MAX_AGE_KEY + "=60000");
    }

    @Test
    void aRequestTimeoutLongerThanTheDeadlineIsRefused() {
        assertThatThrownBy(() -> new PollingBudget(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(60)).check())
                .hasMessageStartingWith("headroom.worker.openai.request-timeout=10000ms is longer than");
    }
}
