package dev.headroom.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.MessageProblems;
import dev.headroom.core.message.Score;
import dev.headroom.service.KeyedSends;
import dev.headroom.service.PoisonRecords;
import io.quarkus.logging.Log;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stores scores in batches; offsets are committed only after the batch is in Postgres. Topics: scores, and
 * scores.dlq for a record of the batch that does not read or breaks its contract: that one record goes there with its
 * reason (the broker has it before the batch commits), the rest of its batch is stored. Counts the scores new to the
 * table and how long each took from its Kafka timestamp to its committed row.
 */
@ApplicationScoped
public class ScoreSink {

    @Inject
    ScoreStore store;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("poison-scores")
    Emitter<String> poison;

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
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (ConsumerRecord<String, Score> record : batch) {
            Optional<String> problem = PoisonRecords.problem(record.value(), record.headers(), MessageProblems::ofScore);
            if (problem.isPresent()) {
                deadLettered.add(deadLetter(record, problem.get()));
                continue;
            }
            scores.add(record.value());
            timestamps.put(record.value().header().taskId(), record.timestamp());
        }
        CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).join();
        List<ScoreStore.Stored> stored = store.store(scores);
        long committedAt = System.currentTimeMillis();
        for (ScoreStore.Stored score : stored) {
            metrics.counter("headroom.scores.stored", "model", score.model(), "outcome", score.outcome()).increment();
            freshness.record(Duration.ofMillis(Math.max(0, committedAt - timestamps.get(score.taskId()))));
        }
    }

    private CompletableFuture<Void> deadLetter(ConsumerRecord<String, Score> record, String reason) {
        Log.warnf("score record %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), reason);
        return KeyedSends.deadLetter(poison, record, json, reason);
    }
}
