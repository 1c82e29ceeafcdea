package dev.headroom.aggregator;

import dev.headroom.core.message.Score;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Stores scores in batches; offsets are committed only after the batch is in Postgres. Topic: scores. */
@ApplicationScoped
public class ScoreSink {

    @Inject
    ScoreStore store;

    @Inject
    MeterRegistry metrics;

    @Incoming("scores")
    @Blocking
    public void store(List<Score> batch) {
        for (ScoreStore.StoredCount stored : store.store(batch)) {
            metrics.counter("headroom.scores.stored", "model", stored.model(), "outcome", stored.outcome())
                    .increment(stored.count());
        }
    }
}
