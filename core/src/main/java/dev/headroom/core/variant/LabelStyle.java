package dev.headroom.core.variant;

import java.util.ArrayList;
import java.util.List;

/** How the options are labelled; the scorer reads answers back in the same style. */
public enum LabelStyle {
    UPPER, LOWER, NUMBER, ROMAN;

    private static final String[] ROMANS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};

    public String label(int position) {
        return switch (this) {
            case UPPER -> String.valueOf((char) ('A' + position));
            case LOWER -> String.valueOf((char) ('a' + position));
            case NUMBER -> String.valueOf(position + 1);
            case ROMAN -> ROMANS[position];
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
