package dev.headroom.aggregator;

import dev.headroom.core.message.Score;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores scores in batches; offsets are committed only after the batch is in Postgres. Topic: scores. Counts the
 * scores new to the table and how long each took from its Kafka timestamp to its committed row.
 */
@ApplicationScoped
public class ScoreSink {

    @Inject
    ScoreStore store;

    @Inject
    MeterRegistry metrics;

    /** Replays store nothing new and so record nothing: the histogram is of first arrivals only. */
    private Timer freshness;

    @PostConstruct
    void registerFreshness() {
        freshness = Timer.builder("headroom.score.freshness")
                .description("from a score's Kafka timestamp to its row being committed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(metrics);
    }

    @Incoming("scores")
    @Blocking
    public void store(ConsumerRecords<String, Score> batch) {
        List<Score> scores = new ArrayList<>(batch.count());
        Map<String, Long> timestamps = new HashMap<>();
        for (ConsumerRecord<String, Score> record : batch) {
            scores.add(record.value());
            timestamps.put(record.value().header().taskId(), record.timestamp());
        }
        List<ScoreStore.Stored> stored = store.store(scores);
        long committedAt = System.currentTimeMillis();
        for (ScoreStore.Stored score : stored) {
            metrics.counter("headroom.scores.stored", "model", score.model(), "outcome", score.outcome()).increment();
            freshness.record(Duration.ofMillis(Math.max(0, committedAt - timestamps.get(score.taskId()))));
        }
    }
}
