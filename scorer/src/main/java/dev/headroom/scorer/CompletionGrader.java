package dev.headroom.scorer;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.MessageProblems;
import dev.headroom.core.message.Score;
import dev.headroom.core.scoring.Scorer;
import dev.headroom.service.PoisonRecords;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Grades every completion. Topics: completions → scores, keyed by task id. A completion that does not read or breaks
 * its contract is nacked with the reason, which the channel's dead-letter strategy writes to completions.dlq.
 */
@ApplicationScoped
public class CompletionGrader {

    @Incoming("completions")
    @Outgoing("scores")
    public Record<String, Score> grade(Completion completion, IncomingKafkaRecordMetadata<String, Completion> record) {
        PoisonRecords.problem(completion, record.getHeaders(), MessageProblems::ofCompletion).ifPresent(reason -> {
            throw new PoisonRecords.PoisonRecordException(reason);
        });
        return Record.of(completion.header().taskId(), Scorer.score(completion));
    }
}
