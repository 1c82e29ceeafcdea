package dev.headroom.worker.gguf;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** stories260K through the real llama.cpp child; expected values come from ../shared/models/stories260K/README.md. */
class GgufBackendTest {

    private static final double TOLERANCE = 1e-4;
    private static final int BOS = 1;
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
    void labelLogprobsAgreeWithAnIndependentForwardPassOfTheLlama2cCheckpoint() throws IOException {
        PromptTask task = Tasks.multipleChoice("plain");
        Map<String, Double> logprobs = backend.complete(task).labelLogprobs();
        List<Integer> tokens = new ArrayList<>(List.of(BOS));
        tokens.addAll(llama.tokenize(List.of(task.prompt())).get(0));

        float[] logits = new Llama2cReference(Stories260K.LLAMA2C_CHECKPOINT).nextTokenLogits(tokens);

        Map<String, Integer> tokenOf = Map.of("A", 447, "B", 445, "C", 457, "D", 455);
        for (String label : List.of("B", "C", "D")) {
            double expected = logits[tokenOf.get(label)] - logits[tokenOf.get("A")];
            assertThat(logprobs.get(label) - logprobs.get("A")).as(label + " - A")
                    .isCloseTo(expected, within(2 * TOLERANCE)); // two bisections, each within the tolerance
        }
    }

    @Test
    void labelsWithoutSingleTokensAreAnsweredByGrammarConstrainedText() {
        PromptTask task = Tasks.multipleChoice("roman-shift1");

        Completion completion = backend.complete(task);

        assertThat(completion.labelLogprobs()).isEmpty();
        assertThat(completion.text()).isIn(task.header().labels().stream().map(label -> " " + label).toList());
        assertThat(completion.completionTokens()).isPositive();
    }

    @Test
    void aPromptLongerThanTheContextFailsTheTaskInsteadOfBeingTruncated() {
        String longPrompt = "Lily saw a big dog. ".repeat(100) + "What did Lily see?\nA. a cat\nB. a dog\nAnswer:";

        assertThatThrownBy(() -> llama.nextToken(longPrompt, List.of(447, 445), Map.of()))
                .isInstanceOf(LlamaProcessException.class)
                .hasMessageContaining("exceeds the available context size");
    }
}
