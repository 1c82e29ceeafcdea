package dev.headroom.worker.gguf;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import dev.headroom.worker.ModelBackend;
import dev.headroom.worker.WorkerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers with a GGUF model through llama.cpp, in a child process (see {@link LlamaProcess}), no server needed.
 *
 * <p>When every option label is one token where the model would write it ({@link LabelTokens}), the completion
 * carries the log-probability of each label's token as the next token after the prompt, normalised over the labels
 * (the scorer only compares them and normalises over the labels itself), and its text is the most probable label.
 * Otherwise the text is greedy decoding constrained by a grammar to the labels, and the scorer reads it.
 */
public final class GgufBackend implements ModelBackend {

    public static final String NAME = "gguf";
    /** Room for the longest label the grammar allows, a Roman numeral taken apart into single letters. */
    private static final int CONSTRAINED_MAX_TOKENS = 16;

    private final LlamaProcess llama;
    private final double logitTolerance;

    GgufBackend(LlamaProcess llama, double logitTolerance) {
        this.llama = llama;
        this.logitTolerance = logitTolerance;
    }

    /** Loads the model in a child process before returning, so that a wrong file fails the worker at start-up. */
    public static GgufBackend start(WorkerConfig.Gguf config) {
        Path modelPath = config.modelPath().orElseThrow(() -> new IllegalArgumentException(
                "headroom.worker.gguf.model-path: required with headroom.worker.backend=" + NAME));
        if (!Files.isRegularFile(modelPath)) {
            throw new IllegalArgumentException("headroom.worker.gguf.model-path: no file at " + modelPath.toAbsolutePath());
        }
        LlamaOptions options = new LlamaOptions(modelPath, config.contextSize(), config.threads(), config.kvCacheType());
        LlamaProcess llama = new LlamaProcess(options, config.startTimeout(), config.requestTimeout());
        try {
            llama.start();
        } catch (RuntimeException e) {
            llama.close();
            throw e;
        }
        return new GgufBackend(llama, config.logitTolerance());
    }

    /** One task at a time: interleaved tasks would evict each other's prompt from llama.cpp's prompt cache. */
    @Override
    public synchronized Completion complete(PromptTask task) {
        long started = System.nanoTime();
        List<String> labels = task.header().labels();
        LabelTokens labelTokens = LabelTokens.choose(task.prompt(), labels, llama::tokenize);
        Answer answer = labelTokens.singleTokens()
                ? byLabelLogprobs(labelTokens.context(), labels, labelTokens.tokenByLabel())
                : byConstrainedText(labels, labelTokens);
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        return new Completion(Messages.SCHEMA_VERSION, task.header(), answer.text(), answer.labelLogprobs(), "stop",
                labelTokens.promptTokens(), answer.completionTokens(), latencyMillis, 1, NAME, null);
    }

    /** One restricted completion for the argmax, then a bisection per other label for its logit below the argmax's. */
    private Answer byLabelLogprobs(String context, List<String> labels, Map<String, Integer> tokenByLabel) {
        List<Integer> tokens = labels.stream().map(tokenByLabel::get).toList();
        int best = llama.nextToken(context, tokens, Map.of());
        double[] logits = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            int candidate = tokens.get(i);
            logits[i] = candidate == best ? 0 : LogitGapSearch.gap(
                    bias -> llama.nextToken(context, List.of(candidate, best), Map.of(best, bias)) == candidate,
                    logitTolerance);
        }
        double[] logprobs = LogitGapSearch.logSoftmax(logits);
        Map<String, Double> labelLogprobs = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelLogprobs.put(labels.get(i), logprobs[i]);
        }
        return new Answer(labels.get(tokens.indexOf(best)), labelLogprobs, 1);
    }

    private Answer byConstrainedText(List<String> labels, LabelTokens labelTokens) {
        String context = labelTokens.context();
        String grammar = "root ::= " + labels.stream()
                .map(label -> gbnfLiteral(labelTokens.separator() + label))
                .collect(Collectors.joining(" | "));
        String text = llama.generate(context, CONSTRAINED_MAX_TOKENS, grammar);
        int completionTokens = llama.tokenize(List.of(context + text)).get(0).size() - labelTokens.promptTokens();
        return new Answer(text, Map.of(), completionTokens);
    }

    private static String gbnfLiteral(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    @Override
    public void close() {
        llama.close();
    }

    private record Answer(String text, Map<String, Double> labelLogprobs, int completionTokens) {
    }
}
