package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** Asks this deployment's model every prompt of its topic. Topics: prompts.&lt;model&gt; → completions. */
@ApplicationScoped
public class PromptAnswerer {

    @Inject
    ModelBackend backend;

    @Incoming("prompts")
    @Outgoing("completions")
    @Blocking
    public Record<String, Completion> answer(PromptTask task) {
        return Record.of(task.header().taskId(), backend.complete(task));
    }
}
