package dev.headroom.worker.gguf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The llama.cpp side of the GGUF backend, run in a JVM of its own by {@link LlamaProcess}, because llama.cpp aborts
 * the whole process on a failed assertion where Java code would throw. Reads one {@link LlamaRequest} per line on
 * stdin and writes one {@link LlamaReply} per line on stdout. It exits when stdin closes, which the kernel does
 * however the parent dies.
 */
public final class LlamaChild {

    /**
     * Bias that takes a token out of the running. Finite because the binding writes biases as JSON numbers and
     * -Infinity is not one; a billion below any logit is out of reach all the same.
     */
    private static final float EXCLUDED = -1e9f;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlamaModel model;
    private final int vocabularySize;

    private LlamaChild(LlamaModel model, int vocabularySize) {
        this.model = model;
        this.vocabularySize = vocabularySize;
    }

    public static void main(String[] args) {
        serve(args, (model, vocabularySize) -> new LlamaChild(model, vocabularySize)::answer);
    }

    /** The requests a child answers; a test child may answer differently. */
    interface Handler {
        LlamaReply answer(LlamaRequest request) throws Exception;
    }

    interface HandlerFactory {
        Handler create(LlamaModel model, int vocabularySize);
    }

    /** Loads the model, says {@link LlamaReply.Ready}, then answers requests until stdin closes. */
    static void serve(String[] args, HandlerFactory handlers) {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Anything else written to System.out (the binding says where it extracted its library) is not a reply.
        System.setOut(System.err);
        LlamaModel.setLogger(LogFormat.TEXT, LlamaChild::logWarnings);
        Handler handler;
        try {
            LlamaOptions options = LlamaOptions.fromArgs(args);
            int vocabularySize = GgufFile.vocabularySize(options.modelPath());
            handler = handlers.create(new LlamaModel(options.modelParameters()), vocabularySize);
            write(replies, new LlamaReply.Ready(vocabularySize));
        } catch (Exception | LinkageError e) {
            write(replies, new LlamaReply.Failure("loading the model failed: " + e));
            System.exit(1);
            return;
        }
        try {
            BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                write(replies, answerLine(handler, line));
            }
        } catch (IOException parentGone) {
            // a broken stdin means the same as its end
        }
        // The binding's native server thread is not a daemon: returning would leave this JVM running.
        System.exit(0);
    }

    private static LlamaReply answerLine(Handler handler, String line) {
        try {
            return handler.answer(JSON.readValue(line, LlamaRequest.class));
        } catch (Exception e) {
            return new LlamaReply.Failure(e.toString());
        }
    }

    private static void write(PrintStream replies, LlamaReply reply) {
        try {
            replies.println(JSON.writeValueAsString(reply));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** llama.cpp logs every request at INFO; only warnings and errors help explain a failure. */
    private static void logWarnings(LogLevel level, String message) {
        if (level == LogLevel.WARN || level == LogLevel.ERROR) {
            System.err.print(message);
        }
    }

    private LlamaReply answer(LlamaRequest request) {
        if (request instanceof LlamaRequest.Tokenize tokenize) {
            return new LlamaReply.Tokens(tokenize.texts().stream().map(text -> asList(model.encode(text))).toList());
        }
        if (request instanceof LlamaRequest.Generate generate) {
            InferenceParameters parameters = greedy(generate.prompt(), generate.maxTokens());
            if (generate.grammar() != null) {
                parameters.setGrammar(generate.grammar());
            }
            return new LlamaReply.Text(model.complete(parameters));
        }
        LlamaRequest.NextToken next = (LlamaRequest.NextToken) request;
        String text = model.complete(greedy(next.prompt(), 1).setTokenIdBias(restriction(next)));
        return new LlamaReply.Token(tokenOf(text, next.allowed()));
    }

    private static InferenceParameters greedy(String prompt, int maxTokens) {
        // Penalties set to neutral explicitly: any of them would shift the logits this backend reads.
        return new InferenceParameters(prompt)
                .setTemperature(0)
                .setRepeatPenalty(1)
                .setFrequencyPenalty(0)
                .setPresencePenalty(0)
                .setCachePrompt(true)
                .setNPredict(maxTokens);
    }

    private Map<Integer, Float> restriction(LlamaRequest.NextToken next) {
        Set<Integer> allowed = new HashSet<>(next.allowed());
        Map<Integer, Float> bias = new HashMap<>(vocabularySize);
        for (int token = 0; token < vocabularySize; token++) {
            if (!allowed.contains(token)) {
                bias.put(token, EXCLUDED);
            }
        }
        next.bias().forEach((token, value) -> bias.put(token, value.floatValue()));
        return bias;
    }

    /** The binding returns text, not ids; the allowed tokens' pieces tell which one it was. */
    private int tokenOf(String text, List<Integer> allowed) {
        List<Integer> matching = allowed.stream().filter(token -> model.decode(new int[]{token}).equals(text)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException("the next token's text '" + text + "' matches " + matching.size()
                    + " of the allowed tokens " + allowed);
        }
        return matching.get(0);
    }

    private static List<Integer> asList(int[] tokens) {
        return Arrays.stream(tokens).boxed().toList();
    }
}
