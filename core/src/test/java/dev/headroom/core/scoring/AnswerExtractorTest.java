package dev.headroom.core.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerExtractorTest {

    private static final List<String> LETTERS = List.of("A", "B", "C", "D");
    private static final List<String> TEXTS = List.of("Sydney", "Canberra", "Melbourne", "Perth");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            " B|1",
            "B.|1",
            "(C) Melbourne|2",
            "**D**|3",
            "The answer is (B).|1",
            "Answer: C|2",
            "ANSWER: A|0",
            "A is tempting, but thinking again the answer is D|3",
            "It is Canberra, of course.|1"})
    void readsTheChosenOption(String text, int position) {
        assertThat(AnswerExtractor.chosenPosition(text, LETTERS, TEXTS)).hasValue(position);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"I am not sure.", "Both Sydney and Perth", "''"})
    void unparsedWhenNoOptionIsNamed(String text) {
        assertThat(AnswerExtractor.chosenPosition(text, LETTERS, TEXTS)).isEmpty();
    }

    @Test
    void romanLabelsPreferTheLongestMatch() {
        assertThat(AnswerExtractor.chosenPosition(" III", List.of("I", "II", "III", "IV"), TEXTS)).hasValue(2);
    }

    @Test
    void lowercaseArticleInProseIsNotALabel() {
        List<String> lower = List.of("a", "b", "c", "d");

        assertThat(AnswerExtractor.chosenPosition("It is a hard one; c", lower, TEXTS)).isEqualTo(OptionalInt.of(2));
        assertThat(AnswerExtractor.chosenPosition(" a", lower, TEXTS)).hasValue(0);
    }
}
