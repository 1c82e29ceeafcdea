package dev.headroom.scorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.MessageProblems;
import dev.headroom.core.message.Score;
import dev.headroom.core.scoring.Scorer;
import dev.headroom.service.KeyedSends;
import dev.headroom.service.PoisonRecords;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Grades completions a batch at a time. Topics: completions → scores, keyed by task id; completions.dlq for a record of
 * the batch that does not read or breaks its contract, that record alone with its reason. The batch's offsets are
 * committed once the broker has every score and dead letter of it.
 */
@ApplicationScoped
public class CompletionGrader {

    /** A batch's scores are sent at once and waited for: at most max.poll.records are ever buffered. */
    @Inject
    @Channel("scores")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<Score> scores;

    @Inject
    @Channel("poison-completions")
    Emitter<String> poison;

    @Inject
    ObjectMapper json;

    @Incoming("completions")
    @Blocking
    public void grade(ConsumerRecords<String, Completion> batch) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, Completion> record : batch) {
            Optional<String> problem = PoisonRecords.problem(record.value(), record.headers(), MessageProblems::ofCompletion);
            if (problem.isPresent()) {
                Log.warnf("completion record %s-%d@%d dead-lettered: %s", record.topic(), record.partition(),
                        record.offset(), problem.get());
                sent.add(KeyedSends.deadLetter(poison, record, json, problem.get()));
            } else {
                sent.add(KeyedSends.send(scores, record.value().header().taskId(), Scorer.score(record.value())));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }
}
