package dev.headroom.core.variant;

/** Flattery before the header, after the persona. */
public enum Praise implements Phrase {
    NONE(""),
    BRILLIANT("You are brilliant at questions like this."),
    RELIABLE("You always get these right."),
    TRUSTED("I trust your judgement completely.");

    private final String template;

    Praise(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
