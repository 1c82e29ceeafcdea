package dev.headroom.worker.openai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The OpenAI-compatible backend: vLLM, SGLang, TGI, llama.cpp server, Ollama, LM Studio, OpenAI. */
@ConfigMapping(prefix = "headroom.worker.openai")
public interface OpenAiConfig {

    /** The API's base URL, ending before the endpoint, e.g. http://127.0.0.1:8000/v1; required for this backend. */
    Optional<String> baseUrl();

    /** The environment variable that holds the API key; no key is sent when neither this nor api-key-file is set. */
    Optional<String> apiKeyEnv();

    /** A file whose content (trimmed) is the API key, e.g. a mounted secret. */
    Optional<Path> apiKeyFile();

    /** chat (/chat/completions, the task's chat turns) or completions (legacy /completions, its completion string). */
    @WithDefault("chat")
    Endpoint endpoint();

    /** The model name the server knows; defaults to headroom.worker.model. */
    Optional<String> servedModel();

    /** How long one request may take before it counts as a timeout (and is retried). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Tokens to generate at most: enough for an option label and a little more. */
    @WithDefault("16")
    int maxTokens();

    /** Ask for log-probabilities of the first answer token, so the scorer can score by probability. */
    @WithDefault("true")
    boolean logprobs();

    /** Alternatives per token to ask for: at least the number of options (OpenAI allows 20 for chat, 5 legacy). */
    @WithDefault("10")
    int topLogprobs();

    /**
     * Send the task header in the request field "headroom_sim_task", which only Headroom's sim server reads (a sim
     * answers a task, not a text). Leave off for real servers: OpenAI rejects unknown fields.
     */
    @WithDefault("false")
    boolean simTask();

    enum Endpoint { CHAT, COMPLETIONS }
}
