package dev.headroom.core.variant;

/** How the options are laid out after the question. */
public enum Layout {
    /** One option per line. */
    LINES("", "\n"),
    /** All options on one line, two spaces apart. */
    INLINE("", "  "),
    /** One option per line, each after a "- " bullet. */
    BULLETS("- ", "\n- ");

    private final String first;
    private final String between;

    Layout(String first, String between) {
        this.first = first;
        this.between = between;
    }

    /** What goes before the option at this position: a bullet, or what separates it from the one before. */
    String before(int position) {
        return position == 0 ? first : between;
    }
}
