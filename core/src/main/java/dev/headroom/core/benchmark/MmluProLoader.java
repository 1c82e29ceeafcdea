package dev.headroom.core.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * MMLU-Pro JSONL ({@code test.jsonl}, and {@code validation.jsonl} if present): {@code question_id}, {@code question},
 * {@code options} (2 to 10, the count varies per item), {@code answer} (a letter), {@code answer_index},
 * {@code category} (the subject). Few-shot examples come from the validation split, which is MMLU-Pro's exemplar set;
 * without that file the benchmark has no few-shot split.
 *
 * <p>The letter {@code answer} is the gold: it is the key MMLU-Pro's own evaluation grades against, and where the two
 * disagree (item 3983 of the released test set: {@code answer} "C", {@code answer_index} 1) the letter is the
 * chemically right one. {@code answer_index} must still be an integer.
 */
public final class MmluProLoader {

    private static final String LETTERS = "ABCDEFGHIJ";

    private MmluProLoader() {
    }

    public static Benchmark read(Path path, String name) {
        return JsonBenchmark.read(name,
                SplitFiles.bySplit(path, MmluProLoader::splitOf, "test.jsonl or validation.jsonl"),
                JsonRecords::lines, MmluProLoader::item, "validation");
    }

    private static SourceItem item(JsonRecord record, int row, String split) {
        String id = record.id("question_id");
        String question = record.text("question");
        List<String> options = record.texts("options");
        if (options.size() > LETTERS.length()) {
            throw record.problem("options has " + options.size() + " entries; MMLU-Pro has at most " + LETTERS.length());
        }
        String answer = record.text("answer");
        record.integer("answer_index"); // checked for its type only: the letter decides (see the class comment)
        int answerIndex = answer.length() == 1 ? LETTERS.indexOf(answer.charAt(0)) : -1;
        if (answerIndex < 0 || answerIndex >= options.size()) {
            throw record.problem("answer '" + answer + "' is not the letter of one of the " + options.size() + " options");
        }
        return new SourceItem(record.text("category"), split, id, question, options, answerIndex);
    }

    private static Optional<String> splitOf(String fileName) {
        return switch (fileName) {
            case "test.jsonl" -> Optional.of("test");
            case "validation.jsonl" -> Optional.of("validation");
            default -> Optional.empty();
        };
    }
}
