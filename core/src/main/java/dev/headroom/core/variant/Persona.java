package dev.headroom.core.variant;

/** Who the model is told it is, in the user's words, before the header. */
public enum Persona implements Phrase {
    NONE(""),
    EXPERT("You are an expert in {subject}."),
    PROFESSOR("You are a professor who has taught {subject} for twenty years."),
    STUDENT("You are a top student sitting a {subject} exam.");

    private final String template;

    Persona(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
