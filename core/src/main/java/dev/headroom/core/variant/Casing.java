package dev.headroom.core.variant;

import java.util.Locale;

/** The casing of the descriptors ("Answer:", "Question:"), as FormatSpread varies it; other text keeps its case. */
public enum Casing {
    ORIGINAL, UPPER, LOWER;

    public String apply(String descriptor) {
        return switch (this) {
            case ORIGINAL -> descriptor;
            case UPPER -> descriptor.toUpperCase(Locale.ROOT);
            case LOWER -> descriptor.toLowerCase(Locale.ROOT);
        };
    }
}
