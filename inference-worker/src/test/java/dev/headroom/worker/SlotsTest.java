package dev.headroom.worker;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotsTest {

    @Test
    void aBackendHoldingItsOwnRequestsToTheLimitGetsAQuarterMoreTasksReady() {
        assertThat(PromptAnswerer.slots(64, Optional.empty(), true)).isEqualTo(80);
        assertThat(PromptAnswerer.slots(16, Optional.empty(), true)).isEqualTo(20);
        assertThat(PromptAnswerer.slots(1, Optional.empty(), true)).isEqualTo(2);
        assertThat(PromptAnswerer.slots(64, Optional.of(0), true)).isEqualTo(64);
    }

    @Test
    void anInProcessBackendGetsExactlyMaxConcurrencyTasks() {
        assertThat(PromptAnswerer.slots(4, Optional.of(8), false)).isEqualTo(4);
    }

    @Test
    void negativeSpareTasksAreRefused() {
        assertThatThrownBy(() -> PromptAnswerer.slots(4, Optional.of(-1), true)).hasMessageContaining("headroom.worker.spare-tasks");
    }
}
