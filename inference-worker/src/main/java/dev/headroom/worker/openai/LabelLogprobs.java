package dev.headroom.worker.openai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the option labels' log-probabilities out of one token position's alternatives. Tokenizers spell a label
 * many ways (" B", "B", "(B", "B)", "B."), so a token counts for a label when it is the label once surrounding
 * space, brackets and trailing punctuation are removed; several spellings of one label add up (log-sum-exp).
 * Case is kept: "a" and "A" are different labels.
 */
final class LabelLogprobs {

    private LabelLogprobs() {
    }

    /** @param alternatives token → log-probability at the answer's first position */
    static Map<String, Double> match(Map<String, Double> alternatives, List<String> labels) {
        Map<String, Double> byLabel = new HashMap<>();
        alternatives.forEach((token, logprob) -> {
            String bare = bare(token);
            if (labels.contains(bare)) {
                byLabel.merge(bare, logprob, LabelLogprobs::logSumExp);
            }
        });
        return byLabel;
    }

    /** The token without surrounding space, brackets and trailing punctuation; empty for a token of only those. */
    static String bare(String token) {
        String stripped = token.strip();
        if (stripped.startsWith("(") || stripped.startsWith("[")) {
            stripped = stripped.substring(1);
        }
        while (!stripped.isEmpty() && ").]:,".indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped.strip();
    }

    private static double logSumExp(double a, double b) {
        double high = Math.max(a, b);
        return high + Math.log(Math.exp(a - high) + Math.exp(b - high));
    }
}
