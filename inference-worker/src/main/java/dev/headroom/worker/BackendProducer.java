package dev.headroom.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the backend the configuration names, once. */
@ApplicationScoped
public class BackendProducer {

    @Produces
    @ApplicationScoped
    ModelBackend backend(WorkerConfig config) {
        return switch (config.backend()) {
            case "sim" -> new SimBackend(config.simProfile().orElse(config.model()));
            default -> throw new IllegalArgumentException("headroom.worker.backend: unknown backend '"
                    + config.backend() + "'; known: sim");
        };
    }
}
