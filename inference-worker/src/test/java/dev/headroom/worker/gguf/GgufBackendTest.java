package dev.headroom.worker.gguf;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** stories260K through the real llama.cpp child; expected values come from ../shared/models/stories260K/README.md. */
class GgufBackendTest {

    private static final double TOLERANCE = 1e-4;
    /** llama2.c's documented greedy sample; llama.cpp keeps the leading space of the first piece, llama2.c drops it. */
    private static final String GOLDEN = " Once upon a time, there was a little girl named Lily. She loved to play"
            + " outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high";

    private static LlamaProcess llama;
    private static GgufBackend backend;

    @BeforeAll
    static void loadModel() {
        Stories260K.assumePresent();
        llama = Stories260K.process(LlamaChild.class);
        backend = new GgufBackend(llama, TOLERANCE);
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void greedyDecodingFromBosAloneReproducesTheGoldenStory() {
        assertThat(llama.generate("", 60, null)).isEqualTo(GOLDEN);
    }

    @Test
    void lettersAreScoredAsBareTokensBecauseThisVocabularyHasNoSingleTokenForSpaceA() {
        PromptTask task = Tasks.multipleChoice("plain");

        LabelTokens tokens = LabelTokens.choose(task.prompt(), task.header().labels(), llama::tokenize);

        assertThat(tokens.separator()).isEmpty();
        assertThat(tokens.tokenByLabel()).isEqualTo(Map.of("A", 447, "B", 445, "C", 457, "D", 455));
    }

    @Test
    void everyLabelGetsALogprobThatSumToOneAndPeakAtTheRestrictedArgmax() {
        PromptTask task = Tasks.multipleChoice("plain");

        Completion completion = backend.complete(task);

        assertThat(completion.backend()).isEqualTo("gguf");
        assertThat(completion.labelLogprobs()).containsOnlyKeys(task.header().labels());
        double total = completion.labelLogprobs().values().stream().mapToDouble(Math::exp).sum();
        assertThat(total).isCloseTo(1, within(1e-9));
        String mostProbable = completion.labelLogprobs().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        // the restricted argmax by another route: a grammar, not the logit bias the log-probabilities came from
        String constrained = llama.generate(task.prompt(), 1, "root ::= \"A\" | \"B\" | \"C\" | \"D\"");
        assertThat(mostProbable).isEqualTo(constrained).isEqualTo(completion.text());
    }

    @Test
    void logprobDifferencesAgreeWithABisectionAgainstAnotherReference() {
        PromptTask task = Tasks.multipleChoice("plain");
        Map<String, Double> logprobs = backend.complete(task).labelLogprobs();
        List<String> byProbability = logprobs.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        String second = byProbability.get(1);
        String last = byProbability.get(3);
        Map<String, Integer> tokenOf = Map.of("A", 447, "B", 445, "C", 457, "D", 455);

        double gap = LogitGapSearch.gap(bias -> llama.nextToken(task.prompt(),
                List.of(tokenOf.get(last), tokenOf.get(second)), Map.of(tokenOf.get(second), bias))
                == tokenOf.get(last), TOLERANCE);

        assertThat(gap).isCloseTo(logprobs.get(last) - logprobs.get(second), within(3 * TOLERANCE));
    }

    @Test
    void labelsWithoutSingleTokensAreAnsweredByGrammarConstrainedText() {
        PromptTask task = Tasks.multipleChoice("roman-shift1");

        Completion completion = backend.complete(task);

        assertThat(completion.labelLogprobs()).isEmpty();
        assertThat(completion.text()).isIn(task.header().labels().stream().map(label -> " " + label).toList());
        assertThat(completion.completionTokens()).isPositive();
    }
}
