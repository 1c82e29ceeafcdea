package dev.headroom.core.variant;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The alphabet of the option labels. The scorer reads answers back in the same alphabet; {@link LabelWrap} only
 * decorates the labels in the option list.
 */
public enum LabelStyle {
    UPPER("letter", position -> String.valueOf((char) ('A' + position))),
    LOWER("letter", position -> String.valueOf((char) ('a' + position))),
    NUMBER("number", position -> String.valueOf(position + 1)),
    ROMAN("numeral", position -> Romans.NUMERALS[position]),
    ROMAN_LOWER("numeral", position -> Romans.NUMERALS[position].toLowerCase(Locale.ROOT));

    /** Enough for every benchmark Headroom reads (MMLU-Pro has up to 10 options). */
    private static final int MAX_OPTIONS = 20;

    private final String noun;
    /** Computed once: labels are asked for many times per prompt. */
    private final List<String> all;

    LabelStyle(String noun, IntFunction<String> label) {
        this.noun = noun;
        this.all = IntStream.range(0, MAX_OPTIONS).mapToObj(label).toList();
    }

    /** What an instruction calls a label of this style: "letter", "number" or "numeral". */
    public String noun() {
        return noun;
    }

    public String label(int position) {
        if (position >= MAX_OPTIONS) {
            throw new IllegalArgumentException("labels go up to " + MAX_OPTIONS + " options, asked for option "
                    + (position + 1));
        }
        return all.get(position);
    }

    public List<String> labels(int count) {
        return all.subList(0, count);
    }

    /** Its own class, so that it is initialised before the enum's constants need it. */
    private static final class Romans {
        static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
    }
}
