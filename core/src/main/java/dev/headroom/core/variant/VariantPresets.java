package dev.headroom.core.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Variants that have a name of their own, and named families of variants. */
public final class VariantPresets {

    /** HELM's MMLU joint format: "Question: " before the question, which HELM does not strip. */
    private static final Variant HELM = Variant.builder()
            .questionPrefix(QuestionPrefix.QUESTION).stripQuestion(false).build();

    private static final Map<String, Variant> PRESETS = new LinkedHashMap<>();
    private static final String FORMAT_SPREAD = "formatspread";

    static {
        PRESETS.put("plain", Variant.PLAIN);
        PRESETS.put("plain-5shot", Variant.PLAIN.withShots(5));
        PRESETS.put("plain-5shot-chat", Variant.PLAIN.toBuilder().shots(5).fewShotTurns(true).build());
        PRESETS.put("plain-cot", Variant.PLAIN.toBuilder().elicitation(Elicitation.CHAIN_OF_THOUGHT).build());
        PRESETS.put("helm", HELM);
        PRESETS.put("helm-5shot", HELM.withShots(5));
        PRESETS.put("numbers-reversed", Variant.builder().labels(LabelStyle.NUMBER).order(OptionOrder.REVERSED).build());
        PRESETS.put("lower-shuffled", Variant.builder().labels(LabelStyle.LOWER).separator(") ")
                .order(new OptionOrder(OptionOrder.Kind.SHUFFLE, 1)).build());
        PRESETS.put("roman-shift1", Variant.builder().labels(LabelStyle.ROMAN).separator(": ")
                .order(new OptionOrder(OptionOrder.Kind.SHIFT, 1)).header(Header.NONE)
                .answerCue(AnswerCue.THE_ANSWER_IS).build());
    }

    private VariantPresets() {
    }

    public static Variant named(String name) {
        Variant variant = PRESETS.get(name);
        if (variant == null) {
            throw new IllegalArgumentException("unknown variant preset '" + name + "'; known: " + PRESETS.keySet()
                    + ", and in sweeps the family '" + FORMAT_SPREAD + "'");
        }
        return variant;
    }

    public static Set<String> names() {
        return PRESETS.keySet();
    }

    /** A family's variants, or the one preset of that name. */
    public static List<Variant> expand(String name) {
        return FORMAT_SPREAD.equals(name) ? formatSpread() : List.of(named(name));
    }

    /**
     * A FormatSpread-style grid (Sclar et al., 2023) over plain: the label alphabet, its wrapping, the
     * label-text separator and the descriptor casing, 4 x 3 x 4 x 3 = 144 variants in a fixed order.
     */
    public static List<Variant> formatSpread() {
        List<Variant> variants = new ArrayList<>();
        for (LabelStyle labels : List.of(LabelStyle.UPPER, LabelStyle.LOWER, LabelStyle.NUMBER, LabelStyle.ROMAN)) {
            for (LabelWrap wrap : List.of(LabelWrap.NONE, LabelWrap.PARENS, LabelWrap.BRACKETS)) {
                for (String separator : List.of(". ", ") ", ": ", " - ")) {
                    for (Casing casing : Casing.values()) {
                        variants.add(Variant.builder().labels(labels).wrap(wrap).separator(separator).casing(casing).build());
                    }
                }
            }
        }
        return List.copyOf(variants);
    }
}
