package dev.headroom.core.benchmark;

import java.util.List;

/**
 * AI2's multiple-choice record, shared by ARC and CommonsenseQA: {@code id}, {@code question.stem},
 * {@code question.choices[{label, text}]} and {@code answerKey}, which names one of the item's own labels.
 * Choice texts are kept in file order; labels must run A, B, C... (or 1, 2, 3... where allowed) in that order.
 */
record Ai2Choices(int minChoices, int maxChoices, boolean digitLabels) {

    private static final String LETTERS = "ABCDEFGHIJ";
    private static final String DIGITS = "123456789";

    SourceItem read(JsonRecord record, String subject, String split) {
        String id = record.text("id");
        JsonRecord question = record.object("question");
        String stem = question.text("stem");
        List<JsonRecord> choices = question.objects("choices");
        int count = choices.size();
        if (count < minChoices || count > maxChoices) {
            throw record.problem("question.choices has " + count + " choices; expected "
                    + (minChoices == maxChoices ? minChoices : minChoices + " to " + maxChoices));
        }
        List<String> labels = choices.stream().map(choice -> choice.text("label")).toList();
        List<String> texts = choices.stream().map(choice -> choice.text("text")).toList();
        List<String> letters = firstLabels(LETTERS, count);
        List<String> digits = firstLabels(DIGITS, count);
        if (!labels.equals(letters) && !(digitLabels && labels.equals(digits))) {
            throw record.problem("question.choices labels " + labels + " are not " + letters
                    + (digitLabels ? " or " + digits : ""));
        }
        String answerKey = record.text("answerKey");
        int answer = labels.indexOf(answerKey);
        if (answer < 0) {
            throw record.problem("answerKey '" + answerKey + "' is not one of the labels " + labels);
        }
        return new SourceItem(subject, split, id, stem, texts, answer);
    }

    private static List<String> firstLabels(String alphabet, int count) {
        return alphabet.substring(0, count).chars().mapToObj(Character::toString).toList();
    }
}
