package dev.headroom.worker;

import dev.headroom.worker.gguf.GgufBackend;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Builds the backend the configuration names, once, at start-up: a model that cannot load stops the worker. */
@ApplicationScoped
public class BackendProducer {

    @Produces
    @ApplicationScoped
    @Startup
    ModelBackend backend(WorkerConfig config) {
        return switch (config.backend()) {
            case "sim" -> new SimBackend(config.simProfile().orElse(config.model()));
            case GgufBackend.NAME -> GgufBackend.start(config.gguf());
            default -> throw new IllegalArgumentException("headroom.worker.backend: unknown backend '"
                    + config.backend() + "'; known: sim, " + GgufBackend.NAME);
        };
    }

    void close(@Disposes ModelBackend backend) {
        backend.close();
    }
}
