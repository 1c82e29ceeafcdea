package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.MessageProblems;
import dev.headroom.core.message.PromptTask;
import dev.headroom.worker.openai.OpenAiConfig;
import dev.headroom.service.PoisonRecords;
import dev.headroom.worker.resilience.RetryConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks this deployment's model every prompt of its topic, {@code max-concurrency} at a time. Topics:
 * prompts.&lt;model&gt; → completions, keyed by task id.
 *
 * <p>{@code merge(n)} takes a task from the consumer only when one of the n slots is free, and answers them in any
 * order: SmallRye's throttled commit strategy commits an offset once every record before it is acknowledged. A
 * completion acknowledges its task once the broker has it. A task the backend gives up on is nacked with the reason,
 * and the channel's dead-letter strategy writes it to prompts.&lt;model&gt;.dlq with that reason in its
 * {@code dead-letter-reason} header. So is a record that does not read or breaks its contract (another schema version,
 * another model), before any model call. On shutdown, {@link InFlightTasks} lets the calls in flight finish and their
 * completions be acknowledged before the consumer commits and closes.
 */
@ApplicationScoped
@Startup
public class PromptAnswerer {

    private final ModelBackend backend;
    private final InFlightTasks inFlight;
    private final String model;
    private final int maxConcurrency;
    private final ExecutorService callers;

    @Inject
    public PromptAnswerer(ModelBackend backend, WorkerConfig config, RetryConfig retry, OpenAiConfig openAi,
                          Config channels, InFlightTasks inFlight) {
        PollingBudget.of(config, retry, openAi, channels).check();
        this.backend = backend;
        this.inFlight = inFlight;
        this.model = config.model();
        this.maxConcurrency = config.maxConcurrency();
        AtomicInteger threads = new AtomicInteger();
        // the backends block (HTTP calls, retries' backoff, an in-process model): one thread per slot
        this.callers = Executors.newFixedThreadPool(maxConcurrency, task -> {
            Thread thread = new Thread(task, "model-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Incoming("prompts")
    @Outgoing("completions")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Multi<Message<Completion>> answer(Multi<Message<PromptTask>> tasks) {
        return tasks.onItem().transformToUni(this::answer).merge(maxConcurrency);
    }

    private Uni<Message<Completion>> answer(Message<PromptTask> task) {
        Optional<String> poison = PoisonRecords.problem(task.getPayload(), task.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders).orElse(null), payload -> MessageProblems.ofPrompt(payload, model));
        if (poison.isPresent()) {
            Log.warnf("record dead-lettered: %s", poison.get());
            return Uni.createFrom().completionStage(task.nack(new PoisonRecords.PoisonRecordException(poison.get())))
                    .replaceWith((Message<Completion>) null);
        }
        if (!inFlight.admit()) {
            // shutting down: left unacknowledged, so it is answered after the restart, never half-way
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> backend.complete(task.getPayload()))
                .runSubscriptionOn(callers)
                .map(completion -> task.withPayload(completion)
                        .withAck(() -> inFlight.finishing(task.ack()))
                        .withNack(failure -> inFlight.finishing(task.nack(failure)))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(completion.header().taskId()).build()))
                .onFailure(CancellationException.class).invoke(inFlight::finished)
                .onFailure(CancellationException.class).recoverWithNull()
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("task %s dead-lettered: %s", task.getPayload().header().taskId(), failure.getMessage());
                    return Uni.createFrom().completionStage(inFlight.finishing(task.nack(failure)))
                            .replaceWith((Message<Completion>) null);
                });
    }

    @PreDestroy
    void stop() {
        callers.shutdownNow();
    }
}
