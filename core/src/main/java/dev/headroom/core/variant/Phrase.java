package dev.headroom.core.variant;

/** A fixed piece of prompt text chosen on one dimension; {@code {subject}} stands for the item's subject. */
interface Phrase {

    /** The text with its placeholder; empty for "none". */
    String template();

    default String text(String subject) {
        return template().replace("{subject}", subject);
    }

    default boolean isNone() {
        return template().isEmpty();
    }
}
