package dev.headroom.core.variant;

import dev.headroom.core.Hashing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The order in which options are presented. {@link #presentedOrder} maps each presented position to the
 * original option index; the mapping travels with the task so the scorer can map an answer back.
 *
 * @param kind  original, reversed, cyclic shift by {@code k}, or a shuffle seeded by {@code k} and the item id
 * @param k     the shift or the seed; unused for original and reversed
 */
public record OptionOrder(Kind kind, int k) {

    public enum Kind { ORIGINAL, REVERSED, SHIFT, SHUFFLE }

    public static final OptionOrder ORIGINAL = new OptionOrder(Kind.ORIGINAL, 0);
    public static final OptionOrder REVERSED = new OptionOrder(Kind.REVERSED, 0);

    public OptionOrder {
        java.util.Objects.requireNonNull(kind, "an option order needs a kind");
        if (kind == Kind.ORIGINAL || kind == Kind.REVERSED) {
            k = 0;
        }
    }

    public List<Integer> presentedOrder(int optionCount, String itemId) {
        List<Integer> order = new ArrayList<>(optionCount);
        for (int i = 0; i < optionCount; i++) {
            order.add(i);
        }
        switch (kind) {
            case ORIGINAL -> { }
            case REVERSED -> Collections.reverse(order);
            case SHIFT -> Collections.rotate(order, -Math.floorMod(k, optionCount));
            case SHUFFLE -> Collections.shuffle(order, new Random(Hashing.seed("shuffle", Integer.toString(k), itemId)));
        }
        return List.copyOf(order);
    }

    /** The short form of {@link #toString()}: "original", "reversed", "shift2", "shuffle7". */
    public static OptionOrder parse(String text) {
        for (Kind kind : Kind.values()) {
            String prefix = kind.name().toLowerCase(Locale.ROOT);
            if (text.equals(prefix) && (kind == Kind.ORIGINAL || kind == Kind.REVERSED)) {
                return new OptionOrder(kind, 0);
            }
            if (text.startsWith(prefix) && text.length() > prefix.length() && (kind == Kind.SHIFT || kind == Kind.SHUFFLE)
                    && text.substring(prefix.length()).matches("-?[0-9]{1,9}")) {
                return new OptionOrder(kind, Integer.parseInt(text.substring(prefix.length())));
            }
        }
        throw new IllegalArgumentException("unknown option order '" + text
                + "'; use original, reversed, shift<k> or shuffle<seed>");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ORIGINAL -> "original";
            case REVERSED -> "reversed";
            case SHIFT -> "shift" + k;
            case SHUFFLE -> "shuffle" + k;
        };
    }
}
