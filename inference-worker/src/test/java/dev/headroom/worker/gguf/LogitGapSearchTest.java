package dev.headroom.worker.gguf;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogitGapSearchTest {

    /** Greedy decoding over two tokens, as llama.cpp does it once the rest of the vocabulary is excluded. */
    private static LogitGapSearch.PairOracle greedy(double candidateLogit, double referenceLogit) {
        return bias -> candidateLogit > referenceLogit + bias;
    }

    @Test
    void findsTheLogitDifferenceWithinTheTolerance() {
        assertThat(LogitGapSearch.gap(greedy(1.234567, 3.5), 1e-4)).isCloseTo(1.234567 - 3.5, within(1e-4));
    }

    @Test
    void widensItsBracketForDifferencesBeyondTheFirstOne() {
        assertThat(LogitGapSearch.gap(greedy(-40.25, 60), 1e-4)).isCloseTo(-100.25, within(1e-4));
    }

    @Test
    void reportsDifferencesBeyondTheLimitAsTheLimit() {
        assertThat(LogitGapSearch.gap(greedy(-5000, 0), 1e-4)).isEqualTo(-LogitGapSearch.MAX_GAP);
    }

    @Test
    void tiedTokensAreZeroApart() {
        assertThat(LogitGapSearch.gap(greedy(2, 2), 1e-4)).isCloseTo(0, within(1e-4));
    }

    @Test
    void logSoftmaxNormalisesOverTheCandidatesAndKeepsTheirDifferences() {
        double[] logprobs = LogitGapSearch.logSoftmax(new double[]{0, -1, -2.5, -LogitGapSearch.MAX_GAP});

        assertThat(Arrays.stream(logprobs).map(Math::exp).sum()).isCloseTo(1, within(1e-12));
        assertThat(logprobs[0] - logprobs[2]).isCloseTo(2.5, within(1e-12));
        assertThat(logprobs[3]).isFinite();
    }
}
