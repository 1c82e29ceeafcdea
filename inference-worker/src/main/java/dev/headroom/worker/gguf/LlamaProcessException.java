package dev.headroom.worker.gguf;

/** The llama.cpp child could not answer: it died, hung, failed to load the model or reported an error. */
public final class LlamaProcessException extends RuntimeException {

    LlamaProcessException(String message) {
        super(message);
    }
}
