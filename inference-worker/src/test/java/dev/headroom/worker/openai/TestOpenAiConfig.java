package dev.headroom.worker.openai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

record TestOpenAiConfig(Optional<String> baseUrl, Optional<String> apiKeyEnv, Optional<Path> apiKeyFile,
                        Endpoint endpoint, Optional<String> servedModel, Duration requestTimeout, int maxTokens,
                        boolean logprobs, int topLogprobs, boolean simTask) implements OpenAiConfig {

    static TestOpenAiConfig sim(String baseUrl, Endpoint endpoint) {
        return new TestOpenAiConfig(Optional.of(baseUrl), Optional.empty(), Optional.empty(), endpoint,
                Optional.empty(), Duration.ofSeconds(5), 16, true, 10, true);
    }

    TestOpenAiConfig withRequestTimeout(Duration timeout) {
        return new TestOpenAiConfig(baseUrl, apiKeyEnv, apiKeyFile, endpoint, servedModel, timeout, maxTokens, logprobs,
                topLogprobs, simTask);
    }

    TestOpenAiConfig withKey(Optional<String> env, Optional<Path> file) {
        return new TestOpenAiConfig(baseUrl, env, file, endpoint, servedModel, requestTimeout, maxTokens, logprobs,
                topLogprobs, simTask);
    }
}
