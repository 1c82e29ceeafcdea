package dev.headroom.core.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerExtractorTest {

    private static final List<String> LETTERS = List.of("A", "B", "C", "D");
    private static final List<String> TEN_LETTERS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");
    private static final List<String> TEXTS = List.of("Sydney", "Canberra", "Melbourne", "Perth");
    private static final List<String> TEN_TEXTS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten");

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
            "It is Canberra, of course.|1",
            "B because the others are not capitals|1",
            "Final answer: **C**|2",
            "The correct answer would be option B, Canberra.|1",
            "answer is: [D]|3",
            "The answer: Canberra|1",
            "$\\boxed{C}$|2",
            "\\boxed{\\text{D}}|3",
            "Sydney is large, but I would pick **B**.|1"})
    void readsTheChosenOption(String text, int position) {
        assertThat(AnswerExtractor.chosenPosition(text, LETTERS, TEXTS)).hasValue(position);
    }

    @Test
    void theLastFinalAnswerOfAChainOfThoughtWins() {
        String chain = """
                Let's think step by step. (A) Sydney is the largest city. (C) Melbourne was the capital until 1927.
                So the answer is (B). Wait, let me check again: Perth is in the west.
                The final answer is (D).""";

        assertThat(AnswerExtractor.chosenPosition(chain, LETTERS, TEXTS)).hasValue(3);
    }

    @Test
    void aCueWithNoOptionAfterItGivesWayToTheCueBefore() {
        assertThat(AnswerExtractor.chosenPosition("Answer: B. Why is that the answer: it is the seat of government.",
                LETTERS, TEXTS)).hasValue(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"I am not sure.", "Both Sydney and Perth", "''", "A city on the coast"})
    void unparsedWhenNoOptionIsNamed(String text) {
        assertThat(AnswerExtractor.chosenPosition(text, LETTERS, TEXTS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the answer is (I)|8",
            "Answer: I think it is J|9",
            "I believe the answer is H.|7",
            "I'm not sure, but I'd say (E)|4",
            "I.|8"})
    void letterIIsOptionIOnlyWhenItIsNotThePronoun(String text, int position) {
        assertThat(AnswerExtractor.chosenPosition(text, TEN_LETTERS, TEN_TEXTS)).hasValue(position);
    }

    @Test
    void romanLabelsPreferTheLongestMatch() {
        assertThat(AnswerExtractor.chosenPosition(" III", List.of("I", "II", "III", "IV"), TEXTS)).hasValue(2);
    }

    @Test
    void romanTenAfterAnUppercaseCue() {
        List<String> romans = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X");

        assertThat(AnswerExtractor.chosenPosition("ANSWER: X", romans, TEN_TEXTS)).hasValue(9);
    }

    @Test
    void lowercaseArticleInProseIsNotALabel() {
        List<String> lower = List.of("a", "b", "c", "d");

        assertThat(AnswerExtractor.chosenPosition("It is a hard one; c", lower, TEXTS)).hasValue(2);
        assertThat(AnswerExtractor.chosenPosition(" a", lower, TEXTS)).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"The answer is 3.|2", " 4|3", "There are 2 candidates; I pick 1.|0", "(10)|9"})
    void numberLabelsAreReadButNumbersInProseAreNot(String text, int position) {
        List<String> numbers = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        assertThat(AnswerExtractor.chosenPosition(text, numbers, TEN_TEXTS)).hasValue(position);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(B)|1", "B|1", " B)|1", "Answer: (C)|2", "[D]|3"})
    void bracketedLabelStylesReadBackInAnyBracketing(String text, int position) {
        assertThat(AnswerExtractor.chosenPosition(text, List.of("(A)", "(B)", "(C)", "(D)"), TEXTS)).hasValue(position);
        assertThat(AnswerExtractor.chosenPosition(text, List.of("[A]", "[B]", "[C]", "[D]"), TEXTS)).hasValue(position);
    }

    @Test
    void aPrefixSharedByEveryLabelIsNotNeededInTheAnswer() {
        List<String> worded = List.of("Option A", "Option B", "Option C", "Option D");

        assertThat(AnswerExtractor.chosenPosition("Respond with the letter only: C", worded, TEXTS)).hasValue(2);
    }

    @Test
    void anOptionWhoseTextLiesInsideAnotherDoesNotMakeItAmbiguous() {
        List<String> texts = List.of("Wales", "New South Wales", "Victoria", "Queensland");

        assertThat(AnswerExtractor.chosenPosition("It is New South Wales", LETTERS, texts)).hasValue(1);
    }
}
