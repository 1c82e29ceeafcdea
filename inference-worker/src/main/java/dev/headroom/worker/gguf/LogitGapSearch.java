package dev.headroom.worker.gguf;

/**
 * Recovers a difference of two logits from an oracle that only tells which of the two tokens greedy decoding picks.
 * With every other token excluded and a bias b added to the reference token's logit, the candidate wins exactly when
 * {@code logit[candidate] - logit[reference] > b}; bisecting on b finds that difference to any tolerance, one greedy
 * next-token completion per step. This reaches the log-probabilities that llama.cpp computes but the binding cannot
 * return (its n_probs output aborts the JVM in de.kherud:llama 4.2.0).
 */
final class LogitGapSearch {

    /** Gaps beyond this are reported as this; e^-1024 is 0 in double precision anyway. */
    static final double MAX_GAP = 1024;
    /** Labels of a model that read the question are usually within a few nats of each other. */
    private static final double FIRST_BRACKET = 16;

    private LogitGapSearch() {
    }

    @FunctionalInterface
    interface PairOracle {
        /** Whether greedy decoding picks the candidate once {@code referenceBias} is added to the reference's logit. */
        boolean candidateWins(double referenceBias);
    }

    /**
     * {@code logit[candidate] - logit[reference]} within {@code tolerance}, for a reference that greedy decoding
     * prefers to the candidate without bias (so the gap is at most 0), as the restricted argmax is to every label.
     */
    static double gap(PairOracle oracle, double tolerance) {
        double high = 0;
        double low = -FIRST_BRACKET;
        while (!oracle.candidateWins(low)) {
            if (low <= -MAX_GAP) {
                return -MAX_GAP;
            }
            high = low;
            low *= 2;
        }
        while (high - low > tolerance) {
            double middle = (low + high) / 2;
            if (oracle.candidateWins(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** Log-probabilities over the candidates alone, from their logits relative to any one reference. */
    static double[] logSoftmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (double logit : logits) {
            sum += Math.exp(logit - max);
        }
        double logNormaliser = max + Math.log(sum);
        double[] logprobs = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            logprobs[i] = logits[i] - logNormaliser;
        }
        return logprobs;
    }
}
