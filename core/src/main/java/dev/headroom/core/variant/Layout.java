package dev.headroom.core.variant;

import java.util.List;

/** How the options are laid out after the question. */
public enum Layout {
    /** One option per line. */
    LINES,
    /** All options on one line, two spaces apart. */
    INLINE,
    /** One option per line, each after a "- " bullet. */
    BULLETS;

    /** The option entries ("A. Paris", ...) joined as this layout says, with no line end after the last. */
    public String join(List<String> entries) {
        return switch (this) {
            case LINES -> String.join("\n", entries);
            case INLINE -> String.join("  ", entries);
            case BULLETS -> "- " + String.join("\n- ", entries);
        };
    }
}
