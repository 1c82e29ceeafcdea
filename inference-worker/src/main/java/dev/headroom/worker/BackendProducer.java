package dev.headroom.worker;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.replay.RecordedAnswers;
import dev.headroom.core.sim.SimProfile;
import dev.headroom.core.sim.SimProfiles;
import dev.headroom.worker.gguf.GgufBackend;
import io.quarkus.runtime.Startup;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.worker.openai.OpenAiBackend;
import dev.headroom.worker.openai.OpenAiConfig;
import dev.headroom.worker.resilience.ResilientCaller;
import dev.headroom.worker.resilience.RetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the backend the configuration names, and the card that announces it, once. The backend is built at
 * start-up: a model that cannot load stops the worker.
 */
@ApplicationScoped
public class BackendProducer {

    @Produces
    @Singleton
    ModelCard card(WorkerConfig config, ModelCardConfig card) {
        checkPrices(card.usdPerMillionPromptTokens(), card.usdPerMillionCompletionTokens());
        Optional<SimProfile> sim = config.backend().equals("sim")
                ? Optional.of(SimProfiles.named(config.simProfile().orElse(config.model())))
                : Optional.empty();
        return new ModelCard(Messages.SCHEMA_VERSION, config.model(), config.backend(),
                card.family().or(() -> sim.map(SimProfile::family)).orElse("unknown"),
                card.parameterCount().or(() -> sim.map(SimProfile::parameterCount)).orElse(0.0),
                card.type().or(() -> sim.map(SimProfile::type)).orElse("unknown"),
                config.maxConcurrency(), card.usdPerMillionPromptTokens().orElse(null),
                card.usdPerMillionCompletionTokens().orElse(null));
    }

    /** A cost needs both prices: one alone is a mistake to stop on, not a price of 0 to assume for the other. */
    static void checkPrices(Optional<Double> prompt, Optional<Double> completion) {
        if (prompt.isPresent() != completion.isPresent()) {
            throw new IllegalArgumentException("headroom.worker.card.usd-per-million-prompt-tokens and "
                    + "headroom.worker.card.usd-per-million-completion-tokens: set both prices or neither (only the "
                    + (prompt.isPresent() ? "prompt" : "completion") + " price is set)");
        }
    }

    @Produces
    @ApplicationScoped
    @Startup
    ModelBackend backend(WorkerConfig config, OpenAiConfig openAi, RetryConfig retry, ObjectMapper json,
                         WorkerMetrics metrics) {
        if (config.backend().equals("openai")) {
            ResilientCaller caller = new ResilientCaller(retry, openAi.requestTimeout(), config.maxConcurrency(), metrics);
            metrics.gauges(caller.limit()::inFlight, caller.limit()::current);
            return new OpenAiBackend(openAi, config.model(), caller, json);
        }
        InProcessRequests inProcess = new InProcessRequests(switch (config.backend()) {
            case "sim" -> new SimBackend(config.simProfile().orElse(config.model()));
            case "replay" -> replay(config);
            case GgufBackend.NAME -> GgufBackend.start(config.gguf());
            default -> throw new IllegalArgumentException("headroom.worker.backend: unknown backend '"
                    + config.backend() + "'; known: sim, openai, replay, " + GgufBackend.NAME);
        }, metrics);
        metrics.gauges(inProcess::inFlight, config::maxConcurrency);
        return inProcess;
    }

    void close(@Disposes ModelBackend backend) {
        backend.close();
    }

    private static ModelBackend replay(WorkerConfig config) {
        Path file = Path.of(config.replay().file().orElseThrow(() -> new IllegalArgumentException(
                "headroom.worker.replay.file: required by the replay backend")));
        String column = config.replay().modelColumn().orElse(config.model());
        return new ReplayBackend(RecordedAnswers.read(file, config.replay().keyColumn(), column), file + " column " + column);
    }
}
