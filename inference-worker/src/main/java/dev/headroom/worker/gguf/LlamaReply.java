package dev.headroom.worker.gguf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** What the llama.cpp child process writes back, one JSON line each. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LlamaReply.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = LlamaReply.Tokens.class, name = "tokens"),
        @JsonSubTypes.Type(value = LlamaReply.Text.class, name = "text"),
        @JsonSubTypes.Type(value = LlamaReply.Token.class, name = "token"),
        @JsonSubTypes.Type(value = LlamaReply.Failure.class, name = "failure")})
sealed interface LlamaReply {

    /** The first line, once the model is loaded. */
    record Ready(int vocabularySize) implements LlamaReply {
    }

    record Tokens(List<List<Integer>> tokens) implements LlamaReply {
    }

    record Text(String text) implements LlamaReply {
    }

    record Token(int token) implements LlamaReply {
    }

    /** A request the child could not answer though it lives on, or a start that failed before it exits. */
    record Failure(String message) implements LlamaReply {
    }
}
