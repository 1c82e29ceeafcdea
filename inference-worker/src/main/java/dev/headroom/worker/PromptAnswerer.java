package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.MessageProblems;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.PromptTask;
import dev.headroom.worker.WorkerMetrics.TaskResult;
import dev.headroom.service.PoisonRecords;
import dev.headroom.worker.openai.OpenAiConfig;
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

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks this deployment's model every prompt of its topic, {@code max-concurrency} at a time, and never twice for one
 * task. Topics: prompts.&lt;model&gt; → completions, keyed by task id.
 *
 * <p>{@code merge(n)} takes a task from the consumer only when one of the n slots is free (n is {@code max-concurrency},
 * plus the spare tasks on a backend that keeps its own requests to it: those wait, ready, for a request to end), and
 * answers them in any order: SmallRye's throttled commit strategy commits an offset once every record before it is acknowledged. A
 * completion acknowledges its task once the broker has it. A task the backend gives up on is nacked with the reason,
 * and the channel's dead-letter strategy writes it to prompts.&lt;model&gt;.dlq with that reason in its
 * {@code dead-letter-reason} header. So is a record that does not read or breaks its contract (another schema version,
 * another model), before any model call. On shutdown, {@link InFlightTasks} lets the calls in flight finish and their
 * completions be acknowledged before the consumer commits and closes.
 *
 * <p>Before the model is asked, the task's completion is looked up in the {@link CompletionStore}: found, it is
 * published again from there (a redelivery after a crash, a run submitted twice). Copies of one task in flight at once
 * in this replica share one call. A completion is stored before it is published.
 */
@ApplicationScoped
@Startup
public class PromptAnswerer {

    /** A task's completion, and whether the model was asked for it. */
    private record Answer(Completion completion, boolean asked) {
    }

    private final ModelBackend backend;
    private final InFlightTasks inFlight;
    private final String model;
    private final CompletionStore store;
    private final ModelCard card;
    private final WorkerMetrics metrics;
    private final int slots;
    private final ExecutorService callers;
    private final SingleFlight<String, Answer> calls;

    @Inject
    public PromptAnswerer(ModelBackend backend, CompletionStore store, ModelCard card, WorkerMetrics metrics,
                          WorkerConfig config, RetryConfig retry, OpenAiConfig openAi, Config channels,
                          InFlightTasks inFlight) {
        PollingBudget.of(config, retry, openAi, channels).check();
        this.backend = backend;
        this.inFlight = inFlight;
        this.model = config.model();
        this.store = store;
        this.card = card;
        this.metrics = metrics;
        this.slots = slots(config.maxConcurrency(), config.spareTasks(), backend.limitsItsRequests());
        AtomicInteger threads = new AtomicInteger();
        // the backends block (HTTP calls, retries' backoff, an in-process model): one thread per slot
        this.callers = Executors.newFixedThreadPool(slots, task -> {
            Thread thread = new Thread(task, "model-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.calls = new SingleFlight<>(callers);
    }

    @Incoming("prompts")
    @Outgoing("completions")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Multi<Message<Completion>> answer(Multi<Message<PromptTask>> tasks) {
        return tasks.onItem().transformToUni(this::answer).merge(slots);
    }

    /** max-concurrency, and the spare tasks when the backend holds its requests to max-concurrency itself. */
    static int slots(int maxConcurrency, Optional<Integer> spareTasks, boolean backendLimitsItsRequests) {
        if (!backendLimitsItsRequests) {
            return maxConcurrency;
        }
        int spare = spareTasks.orElse((maxConcurrency + 3) / 4);
        if (spare < 0) {
            throw new IllegalArgumentException("headroom.worker.spare-tasks=" + spare + " must not be negative");
        }
        return maxConcurrency + spare;
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
        PromptTask prompt = task.getPayload();
        SingleFlight.Flight<Answer> flight = calls.join(prompt.header().taskId(), () -> answerOnce(prompt));
        return Uni.createFrom().completionStage(flight.result())
                .map(answer -> {
                    if (answer.asked() && flight.leader()) {
                        metrics.completed(answer.completion());
                    } else {
                        metrics.finished(TaskResult.REUSED);
                    }
                    return task.withPayload(answer.completion())
                            .withAck(() -> inFlight.finishing(task.ack()))
                            .withNack(failure -> inFlight.finishing(task.nack(failure)))
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                    .withKey(answer.completion().header().taskId()).build());
                })
                .onFailure(CancellationException.class).invoke(inFlight::finished)
                .onFailure(CancellationException.class).recoverWithNull()
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("task %s dead-lettered: %s", prompt.header().taskId(), failure.getMessage());
                    metrics.finished(TaskResult.DEAD_LETTERED);
                    return Uni.createFrom().completionStage(inFlight.finishing(task.nack(failure)))
                            .replaceWith((Message<Completion>) null);
                });
    }

    /** On a caller thread: the stored completion, or the model's, stored before it is published. */
    private Answer answerOnce(PromptTask task) {
        String taskId = task.header().taskId();
        try {
            Optional<Completion> stored = store.find(task);
            if (stored.isPresent()) {
                return new Answer(stored.get(), false);
            }
        } catch (SQLException e) {
            // paying twice is better than losing the task: the pipeline downstream takes a completion twice
            Log.warnf("looking up the completion of task %s failed, asking the model: %s", taskId, e.getMessage());
        }
        Completion completion = backend.complete(task).pricedBy(card);
        try {
            store.save(completion);
        } catch (SQLException e) {
            // the answer is paid for: publish it anyway; only a redelivery of this task would ask the model again
            Log.warnf("storing the completion of task %s failed: %s", taskId, e.getMessage());
        }
        return new Answer(completion, true);
    }

    @PreDestroy
    void stop() {
        callers.shutdownNow();
    }
}
