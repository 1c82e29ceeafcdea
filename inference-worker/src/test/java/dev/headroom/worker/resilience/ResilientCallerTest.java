package dev.headroom.worker.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResilientCallerTest {

    /** Plays the given failures in order, then answers "ok"; counts the attempts. */
    private static final class Script implements ResilientCaller.Attempt<String> {
        private final Deque<CallFailure> failures;
        int attempts;

        Script(CallFailure... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public String run(Duration timeout) throws CallFailure {
            attempts++;
            CallFailure next = failures.poll();
            if (next != null) {
                throw next;
            }
            return "ok";
        }
    }

    private static CallFailure failure(FailureKind kind) {
        return new CallFailure(kind, "HTTP " + kind);
    }

    private final ResilientCaller caller = new ResilientCaller(TestRetryConfig.quick(4, Duration.ofSeconds(20)),
            Duration.ofSeconds(5), 8, RequestObserver.NONE);

    @Test
    void retriesEveryTransientKindAndCountsTheAttempts() {
        Script script = new Script(failure(FailureKind.SERVER_ERROR), failure(FailureKind.TIMEOUT),
                failure(FailureKind.MALFORMED));

        ResilientCaller.Result<String> result = caller.call(script);

        assertThat(result.value()).isEqualTo("ok");
        assertThat(result.attempts()).isEqualTo(4);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailureAsReason() {
        Script script = new Script(failure(FailureKind.CONNECTION), failure(FailureKind.CONNECTION),
                failure(FailureKind.CONNECTION), failure(FailureKind.SERVER_ERROR), failure(FailureKind.SERVER_ERROR));

        assertThatThrownBy(() -> caller.call(script)).isInstanceOf(TaskFailedException.class)
                .hasMessage("server-error after 4 attempts: HTTP SERVER_ERROR");
        assertThat(script.attempts).isEqualTo(4);
    }

    @Test
    void neverRetriesARejectedRequest() {
        Script script = new Script(failure(FailureKind.REJECTED));

        assertThatThrownBy(() -> caller.call(script)).hasMessage("rejected after 1 attempt: HTTP REJECTED");
        assertThat(script.attempts).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanWhatIsLeftOfTheDeadlineEndsTheTaskAtOnce() {
        Script script = new Script(new CallFailure(FailureKind.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(60)));

        assertThatThrownBy(() -> caller.call(script)).hasMessageStartingWith("deadline after 1 attempt: ")
                .hasMessageContaining("last: rate-limited: HTTP 429");
        assertThat(script.attempts).isEqualTo(1);
    }

    @Test
    void aRateLimitHalvesTheLimitAndSuccessesGrowItBack() {
        caller.call(new Script(new CallFailure(FailureKind.RATE_LIMITED, "HTTP 429", Duration.ZERO)));
        int afterCut = caller.limit().current();
        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            caller.call(new Script());
            limits.add(caller.limit().current());
        }

        assertThat(afterCut).isEqualTo(4);
        assertThat(limits).isSorted().last().isEqualTo(8);
    }
}
