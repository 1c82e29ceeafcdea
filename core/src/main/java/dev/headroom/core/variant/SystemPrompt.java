package dev.headroom.core.variant;

/** The system message: its own turn in chat form, the first paragraph of the completion string. */
public enum SystemPrompt implements Phrase {
    NONE(""),
    HELPFUL("You are a helpful assistant."),
    EXPERT("You are an expert at answering multiple choice questions accurately."),
    CONCISE("Answer concisely and accurately."),
    CAREFUL("You are a careful assistant. Read every option before you answer.");

    private final String template;

    SystemPrompt(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
