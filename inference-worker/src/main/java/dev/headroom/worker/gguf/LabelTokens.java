package dev.headroom.worker.gguf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The single token that stands for each option label where the model would write it right after the prompt.
 *
 * <p>After an answer cue such as "Answer:" a model writes the label after a space, so " A" is tried first; the
 * tokenizer decides whether that is one token. A small vocabulary may lack " A" but have "A" right after the cue;
 * then the bare form is used, for every label alike so that their probabilities compare. A continuation's tokens
 * are read as lm-evaluation-harness reads them: the tokens of context + continuation past those of the context,
 * which must be a prefix. As there, whitespace that ends the prompt moves from the context into the continuation
 * (a tokenizer joins a space to the word after it, so "Answer: " + "A" would not split after the space).
 *
 * @param context       the prompt without trailing whitespace: what the model reads before the label
 * @param promptTokens  tokens of the context, without BOS
 * @param separator     what precedes each label in the continuation: " ", "" or the prompt's trailing whitespace
 * @param tokenByLabel  each label's token; empty when no form makes every label one distinct token
 */
record LabelTokens(String context, int promptTokens, String separator, Map<String, Integer> tokenByLabel) {

    LabelTokens {
        tokenByLabel = Map.copyOf(tokenByLabel);
    }

    boolean singleTokens() {
        return !tokenByLabel.isEmpty();
    }

    /** @param tokenizer token ids of each text, without BOS; called once */
    static LabelTokens choose(String prompt, List<String> labels, Function<List<String>, List<List<Integer>>> tokenizer) {
        String context = prompt.stripTrailing();
        String trailingWhitespace = prompt.substring(context.length());
        List<String> separators = trailingWhitespace.isEmpty() ? List.of(" ", "") : List.of(trailingWhitespace);
        List<String> texts = new ArrayList<>(List.of(context));
        separators.forEach(separator -> labels.forEach(label -> texts.add(context + separator + label)));
        List<List<Integer>> tokens = tokenizer.apply(texts);
        List<Integer> contextTokens = tokens.get(0);
        for (int form = 0; form < separators.size(); form++) {
            List<List<Integer>> withLabels = tokens.subList(1 + form * labels.size(), 1 + (form + 1) * labels.size());
            Map<String, Integer> tokenByLabel = singleTokens(contextTokens, labels, withLabels);
            if (!tokenByLabel.isEmpty()) {
                return new LabelTokens(context, contextTokens.size(), separators.get(form), tokenByLabel);
            }
        }
        return new LabelTokens(context, contextTokens.size(), separators.get(0), Map.of());
    }

    private static Map<String, Integer> singleTokens(List<Integer> promptTokens, List<String> labels,
                                                     List<List<Integer>> withLabels) {
        Map<String, Integer> tokenByLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            List<Integer> tokens = withLabels.get(i);
            boolean oneMoreToken = tokens.size() == promptTokens.size() + 1
                    && tokens.subList(0, promptTokens.size()).equals(promptTokens);
            if (!oneMoreToken) {
                return Map.of();
            }
            tokenByLabel.put(labels.get(i), tokens.get(promptTokens.size()));
        }
        boolean distinct = new HashSet<>(tokenByLabel.values()).size() == labels.size();
        return distinct ? tokenByLabel : Map.of();
    }
}
