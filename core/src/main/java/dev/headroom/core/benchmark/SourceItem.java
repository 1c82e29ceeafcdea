package dev.headroom.core.benchmark;

import java.util.List;

/**
 * One question as a format reads it from its file, before it becomes an {@link Item}. The checks every format shares
 * live here, so that each reader states only what is particular to its layout.
 *
 * @param sourceId the source's own id where it has one, the row index otherwise
 */
record SourceItem(String subject, String split, String sourceId, String question, List<String> choices, int answerIndex) {

    /** Where a source item came from: turns a problem into an error naming the file and line. */
    @FunctionalInterface
    interface Origin {
        BenchmarkFormatException problem(String problem);
    }

    /** The item with its stable id {@code benchmark/subject/split/sourceId}; refuses what no prompt could show. */
    Item toItem(String benchmark, Origin origin) {
        requireIdPart("subject", subject, origin);
        requireIdPart("split", split, origin);
        requireIdPart("id", sourceId, origin);
        if (question.isBlank()) {
            throw origin.problem("empty question");
        }
        if (choices.size() < 2) {
            throw origin.problem(choices.size() + " choices; a multiple-choice item needs at least 2");
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).isBlank()) {
                throw origin.problem("choice " + i + " is blank");
            }
        }
        if (answerIndex < 0 || answerIndex >= choices.size()) {
            throw origin.problem("answer index " + answerIndex + " is outside the " + choices.size() + " choices");
        }
        return new Item(benchmark + "/" + subject + "/" + split + "/" + sourceId, benchmark, subject, split,
                question, choices, answerIndex);
    }

    private static void requireIdPart(String what, String value, Origin origin) {
        if (value.isBlank()) {
            throw origin.problem("empty " + what);
        }
        if (value.contains("/")) {
            throw origin.problem(what + " '" + value + "' contains '/', which separates the parts of an item id");
        }
    }
}
