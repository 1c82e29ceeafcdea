package dev.headroom.core.variant;

/** The instruction line that opens the prompt, followed by a blank line. */
public enum Header implements Phrase {
    NONE(""),
    /** lm-evaluation-harness's MMLU description and HELM's MMLU instructions. */
    MMLU("The following are multiple choice questions (with answers) about {subject}."),
    NO_SUBJECT("The following are multiple choice questions (with answers)."),
    ANSWER_THE_QUESTION("Answer the following multiple choice question about {subject}."),
    EXAM("Here is a question from a {subject} exam. Choose the correct option.");

    private final String template;

    Header(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
