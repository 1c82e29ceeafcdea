package dev.headroom.worker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFlightTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SingleFlight<String, Integer> flights = new SingleFlight<>(executor);
    private final AtomicInteger computations = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void requestsWhileAComputationRunsShareIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SingleFlight.Flight<Integer> first = flights.join("task", () -> awaitAndCount(release));
        SingleFlight.Flight<Integer> second = flights.join("task", () -> awaitAndCount(release));
        SingleFlight.Flight<Integer> other = flights.join("other task", () -> awaitAndCount(release));
        release.countDown();

        assertThat(first.leader()).isTrue();
        assertThat(second.leader()).isFalse();
        assertThat(other.leader()).isTrue();
        assertThat(second.result().get(5, TimeUnit.SECONDS)).isEqualTo(first.result().get(5, TimeUnit.SECONDS));
        other.result().get(5, TimeUnit.SECONDS);
        assertThat(computations).hasValue(2);
    }

    @Test
    void aRequestAfterTheComputationEndedStartsAnother() throws Exception {
        flights.join("task", computations::incrementAndGet).result().get(5, TimeUnit.SECONDS);

        SingleFlight.Flight<Integer> later = flights.join("task", computations::incrementAndGet);

        assertThat(later.leader()).isTrue();
        assertThat(later.result().get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aFailureReachesEveryoneWaitingAndIsNotKept() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SingleFlight.Flight<Integer> first = flights.join("task", () -> {
            awaitAndCount(release);
            throw new IllegalStateException("server down");
        });
        SingleFlight.Flight<Integer> second = flights.join("task", computations::incrementAndGet);
        release.countDown();

        for (SingleFlight.Flight<Integer> flight : List.of(first, second)) {
            assertThatThrownBy(() -> flight.result().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("server down");
        }
        assertThat(flights.join("task", computations::incrementAndGet).result().get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    private int awaitAndCount(CountDownLatch release) {
        try {
            assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return computations.incrementAndGet();
    }
}
