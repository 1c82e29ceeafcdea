package dev.headroom.core.variant;

import java.util.List;
import java.util.Locale;

/**
 * How the prompt asks for the answer: an optional instruction line after the options, then the descriptor the
 * model continues ("Answer:"). Every cue's final form ("Answer: $LETTER", "The answer is $LETTER") is one the
 * scorer's answer extractor reads after the last cue, so chain-of-thought answers are read at their end.
 */
public enum AnswerCue {
    ANSWER("Answer:", ""),
    THE_ANSWER_IS("The answer is", ""),
    FINAL_ANSWER("Final answer:", ""),
    LABEL_ONLY("Answer:", "Respond with the {noun} only."),
    ANSWER_FORMAT("ANSWER:", "Reply in the form \"{final}\", where {NOUN} is one of {labels}.");

    private static final String CHAIN_OF_THOUGHT =
            "Think step by step, then give your final answer on the last line as \"{final}\", where {NOUN} is one of {labels}.";

    private final String descriptor;
    private final String instruction;

    AnswerCue(String descriptor, String instruction) {
        this.descriptor = descriptor;
        this.instruction = instruction;
    }

    /** The text the prompt ends with for a direct answer, and that precedes each few-shot example's label. */
    public String descriptor(Casing casing) {
        return casing.apply(descriptor);
    }

    /** The line before the descriptor; empty when the cue has none. */
    public String instruction(Casing casing, LabelStyle style, List<String> labels) {
        return fill(instruction, casing, style, labels);
    }

    /** The line a chain-of-thought prompt ends with, naming this cue's final form. */
    public String chainOfThoughtInstruction(Casing casing, LabelStyle style, List<String> labels) {
        return fill(CHAIN_OF_THOUGHT, casing, style, labels);
    }

    private String fill(String template, Casing casing, LabelStyle style, List<String> labels) {
        if (template.isEmpty()) {
            return template;
        }
        String placeholder = style.noun().toUpperCase(Locale.ROOT);
        return template.replace("{final}", descriptor(casing) + " $" + placeholder)
                .replace("{NOUN}", placeholder)
                .replace("{noun}", style.noun())
                .replace("{labels}", String.join(", ", labels));
    }
}
