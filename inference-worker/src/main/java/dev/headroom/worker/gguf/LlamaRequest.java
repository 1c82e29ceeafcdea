package dev.headroom.worker.gguf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;

/** What the parent asks the llama.cpp child process, one JSON line each; answered by one {@link LlamaReply}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LlamaRequest.Tokenize.class, name = "tokenize"),
        @JsonSubTypes.Type(value = LlamaRequest.Generate.class, name = "generate"),
        @JsonSubTypes.Type(value = LlamaRequest.NextToken.class, name = "next-token")})
sealed interface LlamaRequest {

    /** The token ids of each text, without BOS; answered by {@link LlamaReply.Tokens}. */
    record Tokenize(List<String> texts) implements LlamaRequest {
    }

    /**
     * Greedy decoding of up to {@code maxTokens} after BOS and the prompt; answered by {@link LlamaReply.Text}.
     *
     * @param grammar a GBNF grammar the text must follow, or null
     */
    record Generate(String prompt, int maxTokens, String grammar) implements LlamaRequest {
    }

    /**
     * The greedy next token after the prompt when only {@code allowed} may follow, with {@code bias} added to the
     * logits of some of them; answered by {@link LlamaReply.Token}.
     */
    record NextToken(String prompt, List<Integer> allowed, Map<Integer, Double> bias) implements LlamaRequest {
    }
}
