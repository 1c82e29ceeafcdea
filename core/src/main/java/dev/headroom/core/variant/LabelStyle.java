package dev.headroom.core.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alphabet of the option labels. The scorer reads answers back in the same alphabet; {@link LabelWrap} only
 * decorates the labels in the option list.
 */
public enum LabelStyle {
    UPPER("letter"), LOWER("letter"), NUMBER("number"), ROMAN("numeral"), ROMAN_LOWER("numeral");

    private static final String[] ROMANS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};

    private final String noun;

    LabelStyle(String noun) {
        this.noun = noun;
    }

    /** What an instruction calls a label of this style: "letter", "number" or "numeral". */
    public String noun() {
        return noun;
    }

    public String label(int position) {
        return switch (this) {
            case UPPER -> String.valueOf((char) ('A' + position));
            case LOWER -> String.valueOf((char) ('a' + position));
            case NUMBER -> String.valueOf(position + 1);
            case ROMAN -> ROMANS[position];
            case ROMAN_LOWER -> ROMANS[position].toLowerCase(Locale.ROOT);
        };
    }

    public List<String> labels(int count) {
        List<String> labels = new ArrayList<>(count);
        for (int position = 0; position < count; position++) {
            labels.add(label(position));
        }
        return labels;
    }
}
