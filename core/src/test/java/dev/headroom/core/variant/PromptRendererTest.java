package dev.headroom.core.variant;

import dev.headroom.core.TestItems;
import dev.headroom.core.benchmark.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One behaviour per dimension, on a hand-written item whose gold option is Canberra (B). */
class PromptRendererTest {

    private static final Item ITEM = TestItems.capitals(0, 1);
    private static final Item EXAMPLE = new Item("ex", "test", "world_geography", "dev", "Largest ocean?",
            List.of("Atlantic", "Indian", "Arctic", "Pacific"), 3);
    private static final String HEADER = "The following are multiple choice questions (with answers) about world geography.\n\n";
    private static final String QUESTION = "Which city is the capital of Australia?\n";
    private static final String OPTIONS = "A. Sydney\nB. Canberra\nC. Melbourne\nD. Perth\n";

    private static RenderedPrompt render(Variant.Builder variant) {
        return PromptRenderer.render(ITEM, variant.build(), List.of(EXAMPLE));
    }

    private static String text(Variant.Builder variant) {
        return render(variant).text();
    }

    @Test
    void plainZeroShotIsTheHarnessFormat() {
        RenderedPrompt prompt = PromptRenderer.render(ITEM, Variant.PLAIN, List.of());

        assertThat(prompt.text()).isEqualTo(HEADER + QUESTION + OPTIONS + "Answer:");
        assertThat(prompt.labels()).containsExactly("A", "B", "C", "D");
        assertThat(prompt.messages()).containsExactly(new ChatMessage("user", prompt.text()));
    }

    @Test
    void fewShotExamplesPrecedeTheQuestionEachWithItsGoldLabel() {
        assertThat(text(Variant.builder().shots(1))).isEqualTo(HEADER
                + "Largest ocean?\nA. Atlantic\nB. Indian\nC. Arctic\nD. Pacific\nAnswer: D\n\n"
                + QUESTION + OPTIONS + "Answer:");
    }

    @ParameterizedTest
    @CsvSource({"UPPER,A,D", "LOWER,a,d", "NUMBER,1,4", "ROMAN,I,IV", "ROMAN_LOWER,i,iv"})
    void labelsUseTheirAlphabetInThePromptAndForTheScorer(LabelStyle style, String first, String last) {
        RenderedPrompt prompt = render(Variant.builder().labels(style));

        assertThat(prompt.text()).contains("\n" + first + ". Sydney\n", "\n" + last + ". Perth\n");
        assertThat(prompt.labels()).startsWith(first).endsWith(last);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PARENS|(A) Sydney", "BRACKETS|[A] Sydney", "ANGLE|<A> Sydney", "NONE|A Sydney"})
    void wrapDecoratesTheListedLabelButTheScorerReadsItBare(LabelWrap wrap, String line) {
        RenderedPrompt prompt = render(Variant.builder().wrap(wrap).separator(" "));

        assertThat(prompt.text()).contains("\n" + line + "\n");
        assertThat(prompt.labels()).containsExactly("A", "B", "C", "D");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"') '|A) Sydney", "': '|A: Sydney", "' - '|A - Sydney"})
    void separatorStandsBetweenLabelAndText(String separator, String line) {
        assertThat(text(Variant.builder().separator(separator))).contains("\n" + line + "\n");
    }

    @Test
    void inlineLayoutPutsAllOptionsOnOneLine() {
        assertThat(text(Variant.builder().layout(Layout.INLINE)))
                .isEqualTo(HEADER + QUESTION + "A. Sydney  B. Canberra  C. Melbourne  D. Perth\nAnswer:");
    }

    @Test
    void bulletLayoutPutsABulletBeforeEachOption() {
        assertThat(text(Variant.builder().layout(Layout.BULLETS)))
                .isEqualTo(HEADER + QUESTION + "- A. Sydney\n- B. Canberra\n- C. Melbourne\n- D. Perth\nAnswer:");
    }

    @Test
    void reorderedOptionsCarryTheirMappingToTheOriginal() {
        RenderedPrompt prompt = render(Variant.builder().labels(LabelStyle.NUMBER).separator(") ")
                .order(OptionOrder.REVERSED).header(Header.NONE));

        assertThat(prompt.text()).isEqualTo(QUESTION + "1) Perth\n2) Melbourne\n3) Canberra\n4) Sydney\nAnswer:");
        assertThat(prompt.presentedOrder()).containsExactly(3, 2, 1, 0);
    }

    @Test
    void fewShotExampleLabelsFollowTheirOwnReordering() {
        assertThat(text(Variant.builder().order(new OptionOrder(OptionOrder.Kind.SHIFT, 1)).shots(1)))
                .contains("A. Indian\nB. Arctic\nC. Pacific\nD. Atlantic\nAnswer: C\n\n");
    }

    @Test
    void casingChangesTheDescriptorsOnly() {
        assertThat(text(Variant.builder().casing(Casing.UPPER).questionPrefix(QuestionPrefix.QUESTION)))
                .isEqualTo(HEADER + "QUESTION: " + QUESTION + OPTIONS + "ANSWER:");
        assertThat(text(Variant.builder().casing(Casing.LOWER))).endsWith(OPTIONS + "answer:");
    }

    @Test
    void headerOpensThePromptWithTheSubjectFilledIn() {
        assertThat(text(Variant.builder().header(Header.NONE))).isEqualTo(QUESTION + OPTIONS + "Answer:");
        assertThat(text(Variant.builder().header(Header.ANSWER_THE_QUESTION)))
                .startsWith("Answer the following multiple choice question about world geography.\n\n" + QUESTION);
    }

    @Test
    void questionPrefixPrecedesTheQuestion() {
        assertThat(text(Variant.builder().questionPrefix(QuestionPrefix.Q))).contains("\n\nQ: " + QUESTION);
    }

    @Test
    void unstrippedQuestionKeepsItsWhitespace() {
        assertThat(text(Variant.builder().stripQuestion(false)))
                .isEqualTo(HEADER + "  Which city is the capital of Australia?\n\n" + OPTIONS + "Answer:");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "THE_ANSWER_IS|The answer is",
            "FINAL_ANSWER|Final answer:",
            "LABEL_ONLY|Respond with the letter only.\\nAnswer:",
            "ANSWER_FORMAT|Reply in the form \"ANSWER: $LETTER\", where LETTER is one of A, B, C, D.\\nANSWER:"})
    void answerCueEndsThePrompt(AnswerCue cue, String ending) {
        assertThat(text(Variant.builder().answerCue(cue))).isEqualTo(HEADER + QUESTION + OPTIONS + ending.replace("\\n", "\n"));
    }

    @Test
    void cueInstructionsNameTheLabelKind() {
        assertThat(text(Variant.builder().labels(LabelStyle.ROMAN).answerCue(AnswerCue.ANSWER_FORMAT)))
                .endsWith("Reply in the form \"ANSWER: $NUMERAL\", where NUMERAL is one of I, II, III, IV.\nANSWER:");
    }

    @Test
    void personaPraiseAndStakesOpenThePromptInThatOrder() {
        assertThat(text(Variant.builder().persona(Persona.EXPERT).praise(Praise.BRILLIANT).stakes(Stakes.CAREER)))
                .startsWith("You are an expert in world geography. You are brilliant at questions like this. "
                        + "This is very important to my career.\n\n" + HEADER);
        assertThat(text(Variant.builder().stakes(Stakes.TIP))).startsWith("I will tip $200 for a correct answer.\n\n" + HEADER);
    }

    @Test
    void systemMessageIsItsOwnTurnAndTheFirstParagraphOfTheCompletion() {
        RenderedPrompt prompt = render(Variant.builder().system(SystemPrompt.HELPFUL));

        assertThat(prompt.text()).isEqualTo("You are a helpful assistant.\n\n" + HEADER + QUESTION + OPTIONS + "Answer:");
        assertThat(prompt.messages()).containsExactly(new ChatMessage("system", "You are a helpful assistant."),
                new ChatMessage("user", HEADER + QUESTION + OPTIONS + "Answer:"));
    }

    @Test
    void fewShotTurnsAnswerEachExampleInAnAssistantTurnAndKeepTheCompletionString() {
        RenderedPrompt turns = render(Variant.builder().shots(1).fewShotTurns(true));

        assertThat(turns.messages()).containsExactly(
                new ChatMessage("user", HEADER + "Largest ocean?\nA. Atlantic\nB. Indian\nC. Arctic\nD. Pacific\nAnswer:"),
                new ChatMessage("assistant", "D"),
                new ChatMessage("user", QUESTION + OPTIONS + "Answer:"));
        assertThat(turns.text()).isEqualTo(text(Variant.builder().shots(1)));
    }

    @Test
    void chainOfThoughtAsksForReasoningThenTheCuesFinalForm() {
        String text = text(Variant.builder().shots(1).elicitation(Elicitation.CHAIN_OF_THOUGHT)
                .answerCue(AnswerCue.THE_ANSWER_IS));

        assertThat(text).contains("D. Pacific\nThe answer is D\n\n").endsWith(OPTIONS
                + "Think step by step, then give your final answer on the last line as \"The answer is $LETTER\", "
                + "where LETTER is one of A, B, C, D.");
    }

    @Test
    void lowercaseNoiseTouchesTheItemTextOnly() {
        assertThat(text(Variant.builder().noise(new Noise(0, 0, true, 0)).shots(1)))
                .contains("Largest ocean?\nA. Atlantic")
                .endsWith("which city is the capital of australia?\nA. sydney\nB. canberra\nC. melbourne\nD. perth\nAnswer:");
    }

    @Test
    void extraSpacesWidenEverySpaceOfTheItem() {
        assertThat(text(Variant.builder().noise(new Noise(0, 1, false, 0))))
                .contains("Which  city  is  the  capital  of  Australia?\n");
    }

    @Test
    void typosAreFixedBySeedAndItemAndReplaceLettersOnly() {
        Variant noisy = Variant.builder().noise(new Noise(0.3, 0, false, 1)).build();
        Variant otherSeed = Variant.builder().noise(new Noise(0.3, 0, false, 2)).build();

        String once = PromptRenderer.render(ITEM, noisy, List.of()).text();

        assertThat(once).isEqualTo(PromptRenderer.render(ITEM, noisy, List.of()).text())
                .isNotEqualTo(PromptRenderer.render(ITEM, otherSeed, List.of()).text())
                .isNotEqualTo(PromptRenderer.render(TestItems.capitals(1, 1), noisy, List.of()).text())
                .hasSameSizeAs(PromptRenderer.render(ITEM, Variant.PLAIN, List.of()).text())
                .startsWith(HEADER).contains("\nA. ", "\nB. ", "\nC. ", "\nD. ").endsWith("\nAnswer:");
    }

    @Test
    void templateSuppliesTheWholeQuestionAndExamplesEndWithTheirLabel() {
        PromptTemplate template = new PromptTemplate("t", "About {topic}| {question}|\n{choices}\nAnswer:");

        assertThat(text(Variant.builder().template(template).shots(1))).isEqualTo(
                "About world geography| Largest ocean?|\nA. Atlantic\nB. Indian\nC. Arctic\nD. Pacific\nAnswer: D\n\n"
                        + "About world geography| Which city is the capital of Australia?|\n" + OPTIONS + "Answer:");
    }

    @Test
    void templateLeavesPlaceholdersInsideTheQuestionAlone() {
        Item braces = new Item("b", "test", "x", "test", "What does {choices} mean?", List.of("a", "b"), 0);

        assertThat(PromptRenderer.render(braces, Variant.builder().template(new PromptTemplate("t", "{question} {choices}"))
                .build(), List.of()).text()).isEqualTo("What does {choices} mean? A. a\nB. b");
    }

    @Test
    void tooFewExamplesForTheShotsIsAnError() {
        assertThatThrownBy(() -> PromptRenderer.render(ITEM, Variant.PLAIN.withShots(5), List.of()))
                .hasMessageContaining("needs 5 examples");
    }

    @ParameterizedTest
    @EnumSource(SystemPrompt.class)
    void everySystemMessageOrNoneLeavesTheUserTurnUnchanged(SystemPrompt system) {
        assertThat(render(Variant.builder().system(system)).messages().get(system == SystemPrompt.NONE ? 0 : 1).content())
                .isEqualTo(HEADER + QUESTION + OPTIONS + "Answer:");
    }
}
