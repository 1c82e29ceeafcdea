package dev.headroom.scorer;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Score;
import dev.headroom.core.scoring.Scorer;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** Grades every completion. Topics: completions → scores, keyed by task id. */
@ApplicationScoped
public class CompletionGrader {

    @Incoming("completions")
    @Outgoing("scores")
    public Record<String, Score> grade(Completion completion) {
        return Record.of(completion.header().taskId(), Scorer.score(completion));
    }
}
