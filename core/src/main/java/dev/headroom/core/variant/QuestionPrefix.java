package dev.headroom.core.variant;

/** The descriptor before the question text, as HELM writes "Question: ..."; its casing follows {@link Casing}. */
public enum QuestionPrefix {
    NONE(""), QUESTION("Question:"), Q("Q:");

    private final String descriptor;

    QuestionPrefix(String descriptor) {
        this.descriptor = descriptor;
    }

    /** The prefix as rendered, with its trailing space; empty for none. */
    public String render(Casing casing) {
        return descriptor.isEmpty() ? "" : casing.apply(descriptor) + " ";
    }
}
