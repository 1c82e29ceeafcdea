package dev.headroom.generator;

import dev.headroom.core.message.PromptTask;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Sends each task to its model's topic, keyed by task id. Topic: prompts.&lt;model&gt;. */
@ApplicationScoped
public class PromptPublisher {

    @Inject
    @Channel("prompts")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<PromptTask> prompts;

    @Inject
    GeneratorConfig config;

    @Inject
    TopicsConfig topics;

    @Inject
    PublishingMetrics metrics;

    /** Publishes every task and waits for the broker to acknowledge each; returns how many were sent. */
    public long publish(Stream<PromptTask> tasks) {
        long sent = 0;
        List<CompletableFuture<Void>> window = new ArrayList<>(config.publishWindow());
        for (Iterator<PromptTask> it = tasks.iterator(); it.hasNext(); ) {
            window.add(send(it.next()));
            sent++;
            if (window.size() == config.publishWindow()) {
                awaitAll(window);
            }
        }
        awaitAll(window);
        return sent;
    }

    private CompletableFuture<Void> send(PromptTask task) {
        OutgoingKafkaRecordMetadata<String> routing = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topics.promptsPrefix() + task.header().model())
                .withKey(task.header().taskId())
                .build();
        return prompts.sendMessage(Message.of(task).addMetadata(routing)).subscribeAsCompletionStage()
                .thenRun(() -> metrics.published(task.header().model()));
    }

    private static void awaitAll(List<CompletableFuture<Void>> window) {
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
        window.clear();
    }
}
