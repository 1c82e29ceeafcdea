package dev.headroom.core.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The presented labels of one task reduced to their cores, the part a model writes when it names an option:
 * "(A)", "[A]", "A." and "Option A" all have the core "A". Every label style the renderer may invent reads back
 * through its cores, so nothing here knows the styles by name.
 */
final class LabelSet {

    /** Label lists repeat across millions of tasks; their patterns are compiled once. */
    private static final Map<List<String>, LabelSet> CACHE = new ConcurrentHashMap<>();

    /** Cores that are also ordinary words or numbers in prose: they count only when set off as a label. */
    private static final Pattern PROSE_WORD = Pattern.compile("a|A|I|\\p{N}+");

    private final List<String> cores;
    private final Pattern token;
    private final Pattern emphasised;

    private LabelSet(List<String> labels) {
        this.cores = cores(labels);
        // longest first, so that "II" is not read as "I" nor "10" as "1"
        String alternatives = cores.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.token = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])(?![.,]\\p{N})");
        this.emphasised = Pattern.compile("\\*\\*\\s*[(\\[]?(?<bold>" + alternatives + ")[)\\].:]?\\s*\\*\\*"
                + "|\\\\boxed\\{\\s*(?:\\\\text(?:bf)?\\{)?\\s*[(\\[]?(?<boxed>" + alternatives + ")[)\\]]?\\s*\\}");
    }

    static LabelSet of(List<String> labels) {
        return CACHE.computeIfAbsent(List.copyOf(labels), LabelSet::new);
    }

    /** Strips what surrounds the core: whitespace, brackets and punctuation, as in " A", "(A", "A)", "[1]". */
    static String core(String label) {
        int start = 0;
        int end = label.length();
        while (start < end && !Character.isLetterOrDigit(label.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(label.charAt(end - 1))) {
            end--;
        }
        return label.substring(start, end);
    }

    /** Matches a core standing on its own: not inside a word or a number. */
    Pattern token() {
        return token;
    }

    /** A core in bold ("**B**", "**(B)**") or boxed ("\\boxed{B}"): the way chat models mark a final choice. */
    Pattern emphasised() {
        return emphasised;
    }

    /** The presented position whose label has this core, or empty. */
    OptionalInt position(String core) {
        int position = cores.indexOf(core);
        return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The position a label token of a tokenizer stands for: " A", "A", "(A" and "A)" all stand for A. */
    OptionalInt positionOfToken(String token) {
        OptionalInt byCore = position(core(token));
        return byCore.isPresent() ? byCore : position(token.strip());
    }

    int size() {
        return cores.size();
    }

    boolean isProseWord(String core) {
        return PROSE_WORD.matcher(core).matches();
    }

    /**
     * Cores of the labels; a prefix every label shares up to a space ("Option A", "Option B") is dropped.
     * Labels whose cores would collide or vanish keep their full text.
     */
    private static List<String> cores(List<String> labels) {
        List<String> stripped = labels.stream().map(LabelSet::core).toList();
        String shared = sharedWordPrefix(stripped);
        List<String> cores = new ArrayList<>(stripped.size());
        for (String core : stripped) {
            cores.add(core.substring(shared.length()));
        }
        boolean usable = cores.stream().noneMatch(String::isEmpty) && new HashSet<>(cores).size() == cores.size();
        return usable ? List.copyOf(cores) : List.copyOf(labels);
    }

    private static String sharedWordPrefix(List<String> cores) {
        if (cores.size() < 2) {
            return "";
        }
        String prefix = cores.get(0);
        for (String core : cores) {
            int length = 0;
            while (length < Math.min(prefix.length(), core.length()) && prefix.charAt(length) == core.charAt(length)) {
                length++;
            }
            prefix = prefix.substring(0, length);
        }
        int lastSpace = prefix.lastIndexOf(' ');
        return lastSpace < 0 ? "" : prefix.substring(0, lastSpace + 1);
    }
}
