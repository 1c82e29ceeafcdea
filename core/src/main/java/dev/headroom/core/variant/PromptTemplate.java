package dev.headroom.core.variant;

import java.util.Objects;

/**
 * A whole-question template in PromptEval's form: {@code {topic}}, {@code {question}} and {@code {choices}}
 * stand for the subject, the question and the formatted option list; the template supplies its own header,
 * descriptors and answer cue.
 *
 * @param name readable, e.g. "prompteval-17"; part of the variant's identity
 */
public record PromptTemplate(String name, String text) {

    private static final String[] PLACEHOLDERS = {"{topic}", "{question}", "{choices}"};

    public PromptTemplate {
        Objects.requireNonNull(name, "a template needs a name");
        Objects.requireNonNull(text, "a template needs a text");
        if (!text.contains("{question}") || !text.contains("{choices}")) {
            throw new IllegalArgumentException("template '" + name + "' must contain {question} and {choices}");
        }
    }

    /** One pass over the template, so that a question that itself contains "{choices}" is left alone. */
    void fill(StringBuilder out, String topic, String question, String choices) {
        String[] values = {topic, question, choices};
        int from = 0;
        int brace;
        while ((brace = text.indexOf('{', from)) >= 0) {
            out.append(text, from, brace);
            from = brace + 1;
            out.append('{');
            for (int i = 0; i < PLACEHOLDERS.length; i++) {
                if (text.startsWith(PLACEHOLDERS[i], brace)) {
                    out.setLength(out.length() - 1);
                    out.append(values[i]);
                    from = brace + PLACEHOLDERS[i].length();
                    break;
                }
            }
        }
        out.append(text, from, text.length());
    }
}
