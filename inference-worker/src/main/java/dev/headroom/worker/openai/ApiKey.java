package dev.headroom.worker.openai;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/** Reads the API key from where the configuration says; the key itself never appears in a message or a log. */
final class ApiKey {

    private ApiKey() {
    }

    static Optional<String> load(OpenAiConfig config, Map<String, String> environment) {
        if (config.apiKeyEnv().isPresent() && config.apiKeyFile().isPresent()) {
            throw new IllegalArgumentException("headroom.worker.openai: set api-key-env or api-key-file, not both");
        }
        if (config.apiKeyEnv().isPresent()) {
            String variable = config.apiKeyEnv().get();
            String key = environment.get(variable);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("headroom.worker.openai.api-key-env: the environment variable "
                        + variable + " is not set");
            }
            return Optional.of(key.strip());
        }
        if (config.apiKeyFile().isPresent()) {
            try {
                String key = Files.readString(config.apiKeyFile().get()).strip();
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("headroom.worker.openai.api-key-file: "
                            + config.apiKeyFile().get() + " is empty");
                }
                return Optional.of(key);
            } catch (IOException e) {
                throw new IllegalArgumentException("headroom.worker.openai.api-key-file: cannot read "
                        + config.apiKeyFile().get() + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Optional.empty();
    }
}
