package dev.headroom.worker.gguf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTokensTest {

    private static final List<String> LETTERS = List.of("A", "B", "C", "D");
    private static final String PROMPT = "Q?\nA. x\nB. y\nC. z\nD. w\nAnswer:";

    /** Greedy longest match over the given pieces, single characters always included; ids are indexes. */
    private static Function<List<String>, List<List<Integer>>> tokenizer(String... pieces) {
        List<String> vocabulary = new ArrayList<>(List.of(pieces));
        PROMPT.chars().mapToObj(c -> String.valueOf((char) c)).distinct()
                .filter(c -> !vocabulary.contains(c)).forEach(vocabulary::add);
        LETTERS.stream().filter(c -> !vocabulary.contains(c)).forEach(vocabulary::add);
        List<String> longestFirst = vocabulary.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return texts -> texts.stream().map(text -> {
            List<Integer> tokens = new ArrayList<>();
            for (int at = 0; at < text.length(); ) {
                int from = at;
                String piece = longestFirst.stream().filter(p -> text.startsWith(p, from)).findFirst().orElseThrow();
                tokens.add(vocabulary.indexOf(piece));
                at += piece.length();
            }
            return tokens;
        }).toList();
    }

    @Test
    void prefersTheLabelAfterASpaceWhenEachIsOneToken() {
        LabelTokens tokens = LabelTokens.choose(PROMPT, LETTERS, tokenizer(" A", " B", " C", " D"));

        assertThat(tokens.separator()).isEqualTo(" ");
        assertThat(tokens.tokenByLabel()).isEqualTo(Map.of("A", 0, "B", 1, "C", 2, "D", 3));
    }

    @Test
    void usesTheBareLabelsForAllWhenOneLabelAfterASpaceTakesTwoTokens() {
        LabelTokens tokens = LabelTokens.choose(PROMPT, LETTERS, tokenizer(" B", " C", " D"));

        assertThat(tokens.separator()).isEmpty();
        assertThat(tokens.tokenByLabel().keySet()).containsExactlyInAnyOrderElementsOf(LETTERS);
    }

    @Test
    void whitespaceEndingThePromptMovesIntoTheLabels() {
        LabelTokens tokens = LabelTokens.choose(PROMPT + " ", LETTERS, tokenizer(" A", " B", " C", " D"));

        assertThat(tokens.context()).isEqualTo(PROMPT);
        assertThat(tokens.separator()).isEqualTo(" ");
        assertThat(tokens.tokenByLabel()).isEqualTo(Map.of("A", 0, "B", 1, "C", 2, "D", 3));
    }

    @Test
    void aLabelThatMergesWithTheEndOfThePromptIsNotOneTokenAfterIt() {
        LabelTokens tokens = LabelTokens.choose(PROMPT, LETTERS, tokenizer(":A"));

        assertThat(tokens.singleTokens()).isFalse();
        assertThat(tokens.separator()).isEqualTo(" ");
    }

    @Test
    void countsThePromptTokens() {
        assertThat(LabelTokens.choose("Answer:", LETTERS, tokenizer("Answer")).promptTokens()).isEqualTo(2);
    }
}
