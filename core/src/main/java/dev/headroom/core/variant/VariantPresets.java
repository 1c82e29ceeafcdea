package dev.headroom.core.variant;

import java.util.Map;

/** Variants that have a name of their own. */
public final class VariantPresets {

    private static final Map<String, Variant> PRESETS = Map.of(
            "plain", Variant.PLAIN,
            "plain-5shot", Variant.PLAIN.withShots(5),
            "numbers-reversed", new Variant(LabelStyle.NUMBER, ". ", OptionOrder.REVERSED, 0, true, "Answer:"),
            "lower-shuffled", new Variant(LabelStyle.LOWER, ") ", new OptionOrder(OptionOrder.Kind.SHUFFLE, 1), 0, true, "Answer:"),
            "roman-shift1", new Variant(LabelStyle.ROMAN, ": ", new OptionOrder(OptionOrder.Kind.SHIFT, 1), 0, false, "The answer is"));

    private VariantPresets() {
    }

    public static Variant named(String name) {
        Variant variant = PRESETS.get(name);
        if (variant == null) {
            throw new IllegalArgumentException("unknown variant preset '" + name + "'; known: "
                    + PRESETS.keySet().stream().sorted().toList());
        }
        return variant;
    }
}
