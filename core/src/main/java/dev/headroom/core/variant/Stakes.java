package dev.headroom.core.variant;

/** What is said to hang on the answer, before the header, after the praise. */
public enum Stakes implements Phrase {
    NONE(""),
    CAREER("This is very important to my career."),
    TIP("I will tip $200 for a correct answer."),
    GRADE("My final grade depends on this answer.");

    private final String template;

    Stakes(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
