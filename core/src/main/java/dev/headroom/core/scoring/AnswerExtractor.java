package dev.headroom.core.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads which presented option a free-text answer chose. The text after the last answer cue wins, so that a
 * chain of thought may mention other labels before it commits; failing a label, the option's own text counts.
 */
public final class AnswerExtractor {

    private static final Pattern FINAL_CUE = Pattern.compile(
            "(?i)(?:final answer|the answer is|answer)\\s*(?:is)?\\s*[:：]?");

    private AnswerExtractor() {
    }

    /** The presented position chosen, or empty when the text names no option. */
    public static OptionalInt chosenPosition(String text, List<String> labels, List<String> presentedTexts) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        String answer = afterLastCue(text);
        OptionalInt byLabel = firstLabel(answer, labels);
        if (byLabel.isPresent()) {
            return byLabel;
        }
        return byOptionText(answer, presentedTexts);
    }

    private static String afterLastCue(String text) {
        Matcher matcher = FINAL_CUE.matcher(text);
        int end = -1;
        while (matcher.find()) {
            end = matcher.end();
        }
        return end < 0 ? text : text.substring(end);
    }

    private static OptionalInt firstLabel(String answer, List<String> labels) {
        // longest first, so that "II" is not read as "I"
        String alternatives = labels.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        Pattern label = Pattern.compile("(?<![\\p{L}\\p{N}])[(\\[*]*(" + alternatives + ")[)\\].:*]*(?![\\p{L}\\p{N}])");
        Matcher matcher = label.matcher(answer.strip());
        while (matcher.find()) {
            // a lone lowercase "a" in prose is an article, not a label, unless it starts the answer
            boolean proseArticle = matcher.group(1).equals("a") && matcher.start() > 0;
            if (!proseArticle) {
                return OptionalInt.of(labels.indexOf(matcher.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt byOptionText(String answer, List<String> presentedTexts) {
        String normalized = normalize(answer);
        int found = -1;
        for (int position = 0; position < presentedTexts.size(); position++) {
            String option = normalize(presentedTexts.get(position));
            if (!option.isEmpty() && normalized.contains(option)) {
                if (found >= 0) {
                    return OptionalInt.empty();
                }
                found = position;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
