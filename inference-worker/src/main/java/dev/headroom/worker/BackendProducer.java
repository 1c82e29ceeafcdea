package dev.headroom.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.worker.openai.OpenAiBackend;
import dev.headroom.worker.openai.OpenAiConfig;
import dev.headroom.worker.resilience.ResilientCaller;
import dev.headroom.worker.resilience.RetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the backend the configuration names, once. */
@ApplicationScoped
public class BackendProducer {

    @Produces
    @ApplicationScoped
    ModelBackend backend(WorkerConfig config, OpenAiConfig openAi, RetryConfig retry, ObjectMapper json) {
        return switch (config.backend()) {
            case "sim" -> new SimBackend(config.simProfile().orElse(config.model()));
            case "openai" -> new OpenAiBackend(openAi, config.model(),
                    new ResilientCaller(retry, openAi.requestTimeout(), config.maxConcurrency()), json);
            default -> throw new IllegalArgumentException("headroom.worker.backend: unknown backend '"
                    + config.backend() + "'; known: sim, openai");
        };
    }
}
