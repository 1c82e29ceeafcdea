package dev.headroom.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads which presented option a free-text answer chose, for any label style: the labels are read through
 * their cores ({@link LabelSet}). The rules, strongest first (docs/statistics.md, "Extraction"):
 * <ol>
 *   <li>an answer cue ("Answer:", "ANSWER:", "The answer is", "The correct answer would be", "final answer"),
 *       the last one first, so that a chain of thought may name other labels before it commits: the label right
 *       after it, else the first label set off as one before the next cue, else an option's text there;</li>
 *   <li>the last label in bold or boxed ("**B**", "\boxed{B}");</li>
 *   <li>a label that opens the answer (" B", "B.", "(C) Melbourne", "B because ...");</li>
 *   <li>the text of exactly one option (the longest, when one option's text contains another's);</li>
 *   <li>the last label set off as one anywhere in the answer.</li>
 * </ol>
 * A label that is also a word or a number of prose ("a", "A", "I", "3") counts in rules 1 (not right after the
 * cue), 3 and 5 only when set off: bracketed, bold, or followed by punctuation or the end of a line.
 */
public final class AnswerExtractor {

    private static final Pattern CUE = Pattern.compile("(?iu)\\b(?:final\\s+answer(?:\\s+is)?\\s*[:：]?"
            + "|answer\\s+(?:is|would\\s+be|will\\s+be|should\\s+be)\\s*[:：]?"
            + "|answer\\s*[:：])");

    /** What may stand between a cue (or the start) and the label: markup, brackets, "option", "choice". */
    private static final Pattern FILLER = Pattern.compile(
            "(?:\\s|[*_\"'`$(\\[{]|\\\\boxed\\{|\\\\text(?:bf)?\\{|(?i:option|choice|letter)\\b)*");

    private static final String OPENERS = "([{*\"'`";
    /** No quotes: a quote after a label opens a contraction ("I'm") unless one before it opened a quotation. */
    private static final String CLOSERS = ".:,;!?)]}*";
    /** "I think", "I'm": the pronoun, not option I. */
    private static final Pattern PRONOUN_CONTINUATION = Pattern.compile("\\s+\\p{Ll}|['’]");

    private AnswerExtractor() {
    }

    /** The presented position chosen, or empty when the text names no option. */
    public static OptionalInt chosenPosition(String text, List<String> labels, List<String> presentedTexts) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        LabelSet labelSet = LabelSet.of(labels);
        return Stream.<Supplier<OptionalInt>>of(
                        () -> afterCues(text, labelSet, presentedTexts),
                        () -> lastEmphasised(text, labelSet),
                        () -> opening(text, labelSet),
                        () -> byOptionText(text, presentedTexts),
                        () -> lastSetOff(text, labelSet))
                .map(Supplier::get)
                .filter(OptionalInt::isPresent)
                .findFirst()
                .orElse(OptionalInt.empty());
    }

    private static OptionalInt afterCues(String text, LabelSet labelSet, List<String> presentedTexts) {
        List<int[]> cues = new ArrayList<>();
        Matcher cue = CUE.matcher(text);
        while (cue.find()) {
            cues.add(new int[] {cue.start(), cue.end()});
        }
        for (int k = cues.size() - 1; k >= 0; k--) {
            int from = cues.get(k)[1];
            int to = k + 1 < cues.size() ? cues.get(k + 1)[0] : text.length();
            OptionalInt chosen = afterCue(text, from, to, labelSet, presentedTexts);
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt afterCue(String text, int from, int to, LabelSet labelSet, List<String> presentedTexts) {
        Matcher label = labelAfterFiller(text, from, to, labelSet);
        if (label != null && !isPronounI(text, label)) {
            return labelSet.position(label.group());
        }
        OptionalInt setOff = firstSetOff(text, labelSet, from, to);
        return setOff.isPresent() ? setOff : byOptionText(text.substring(from, to), presentedTexts);
    }

    private static OptionalInt lastEmphasised(String text, LabelSet labelSet) {
        Matcher matcher = labelSet.emphasised().matcher(text);
        String core = null;
        while (matcher.find()) {
            core = matcher.group("bold") != null ? matcher.group("bold") : matcher.group("boxed");
        }
        return core == null ? OptionalInt.empty() : labelSet.position(core);
    }

    private static OptionalInt opening(String text, LabelSet labelSet) {
        Matcher label = labelAfterFiller(text, 0, text.length(), labelSet);
        return label != null && counts(text, label, labelSet) ? labelSet.position(label.group()) : OptionalInt.empty();
    }

    private static OptionalInt firstSetOff(String text, LabelSet labelSet, int from, int to) {
        Matcher matcher = labels(text, labelSet, from, to);
        while (matcher.find()) {
            if (counts(text, matcher, labelSet)) {
                return labelSet.position(matcher.group());
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt lastSetOff(String text, LabelSet labelSet) {
        Matcher matcher = labels(text, labelSet, 0, text.length());
        OptionalInt last = OptionalInt.empty();
        while (matcher.find()) {
            if (counts(text, matcher, labelSet)) {
                last = labelSet.position(matcher.group());
            }
        }
        return last;
    }

    /** The label standing right at {@code from} once markup and words like "option" are skipped, or null. */
    private static Matcher labelAfterFiller(String text, int from, int to, LabelSet labelSet) {
        Matcher filler = FILLER.matcher(text).region(from, to);
        int start = filler.lookingAt() ? filler.end() : from;
        Matcher label = labels(text, labelSet, start, to);
        return label.lookingAt() ? label : null;
    }

    /** Transparent bounds: whether a label stands on its own depends on the characters just outside the region. */
    private static Matcher labels(String text, LabelSet labelSet, int from, int to) {
        return labelSet.token().matcher(text).region(from, to).useTransparentBounds(true);
    }

    private static boolean counts(String text, Matcher label, LabelSet labelSet) {
        return !labelSet.isProseWord(label.group()) || isSetOff(text, label.start(), label.end());
    }

    private static boolean isSetOff(String text, int start, int end) {
        if (start > 0 && OPENERS.indexOf(text.charAt(start - 1)) >= 0) {
            return true;
        }
        int next = end;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        return next == text.length() || text.charAt(next) == '\n' || text.charAt(next) == '\r'
                || (next == end && CLOSERS.indexOf(text.charAt(next)) >= 0);
    }

    private static boolean isPronounI(String text, Matcher label) {
        return label.group().equals("I")
                && PRONOUN_CONTINUATION.matcher(text).region(label.end(), text.length()).lookingAt();
    }

    private static OptionalInt byOptionText(String answer, List<String> presentedTexts) {
        String normalized = " " + normalize(answer) + " ";
        List<Integer> named = new ArrayList<>();
        for (int position = 0; position < presentedTexts.size(); position++) {
            String option = normalize(presentedTexts.get(position));
            if (!option.isEmpty() && normalized.contains(" " + option + " ")) {
                named.add(position);
            }
        }
        // "New South Wales" also names "Wales": an option whose text lies inside another named one drops out
        List<Integer> outermost = named.stream()
                .filter(position -> named.stream().noneMatch(other -> !other.equals(position)
                        && normalize(presentedTexts.get(other)).contains(normalize(presentedTexts.get(position)))))
                .toList();
        return outermost.size() == 1 ? OptionalInt.of(outermost.get(0)) : OptionalInt.empty();
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
