package dev.headroom.core.variant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.headroom.core.Hashing;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * HELM-style perturbations of the item's own text (question and options, never labels or instructions).
 * Each text is perturbed by a generator seeded by (seed, item id, which text), so an option gets the same typos
 * whatever position it is presented in, and the same task always gets the same text.
 *
 * @param typos       probability that a letter is replaced by a neighbouring key on a QWERTY keyboard
 * @param extraSpaces spaces added after every space
 * @param lowercase   whether the text is lowercased
 */
public record Noise(double typos, int extraSpaces, boolean lowercase, long seed) {

    public static final Noise NONE = new Noise(0, 0, false, 0);

    private static final String[] NEIGHBOURS = {"qwsz", "vghn", "xdfv", "erfscx", "wrsd", "rtgdvc", "tyhfbv",
            "yujgnb", "uojk", "uikhmn", "iolmj", "opk", "njk", "bhjm", "ipkl", "ol", "wa", "etdf", "weadzx",
            "ryfg", "yihj", "cfgb", "qeas", "zsdc", "tugh", "asx"};

    public Noise {
        if (!(typos >= 0 && typos <= 1)) {
            throw new IllegalArgumentException("noise.typos must be between 0 and 1, got " + typos);
        }
        if (extraSpaces < 0 || extraSpaces > 10) {
            throw new IllegalArgumentException("noise.extraSpaces must be between 0 and 10, got " + extraSpaces);
        }
    }

    @JsonIgnore
    public boolean isNone() {
        return typos == 0 && extraSpaces == 0 && !lowercase;
    }

    /** @param field which text of the item this is, e.g. "question" or "option2" (original index) */
    public String apply(String text, String itemId, String field) {
        if (isNone()) {
            return text;
        }
        String cased = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        if (typos == 0 && extraSpaces == 0) {
            return cased;
        }
        char[] chars = cased.toCharArray();
        if (typos > 0) {
            SplittableRandom random = new SplittableRandom(Hashing.seed("noise", Long.toString(seed), itemId, field));
            for (int i = 0; i < chars.length; i++) {
                if (isAsciiLetter(chars[i]) && random.nextDouble() < typos) {
                    chars[i] = neighbour(chars[i], random);
                }
            }
        }
        if (extraSpaces == 0) {
            return new String(chars);
        }
        String padding = " ".repeat(extraSpaces);
        StringBuilder out = new StringBuilder(chars.length + 8 * extraSpaces);
        int from = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == ' ') {
                out.append(chars, from, i + 1 - from).append(padding);
                from = i + 1;
            }
        }
        return out.append(chars, from, chars.length - from).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static char neighbour(char c, SplittableRandom random) {
        String keys = NEIGHBOURS[Character.toLowerCase(c) - 'a'];
        char key = keys.charAt(random.nextInt(keys.length()));
        return Character.isUpperCase(c) ? Character.toUpperCase(key) : key;
    }
}
