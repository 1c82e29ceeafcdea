package dev.headroom.core.benchmark;

import java.nio.file.Path;
import java.util.Optional;

/**
 * CommonsenseQA v1.11 {@code dev_rand_split.jsonl}, five choices labelled A–E. Its public test split has no answers,
 * so the dev file is the one evaluated: it loads as split {@value #SPLIT}, and there is no few-shot split.
 */
public final class CommonsenseQaLoader {

    public static final String SPLIT = "validation";
    /** Each question's {@code question_concept} is too fine to group by (hundreds of concepts, most with one item). */
    public static final String SUBJECT = "commonsense";

    private static final String FILE_NAME = "dev_rand_split.jsonl";
    private static final Ai2Choices CHOICES = new Ai2Choices(5, 5, false);

    private CommonsenseQaLoader() {
    }

    public static Benchmark read(Path path, String name) {
        return JsonBenchmark.read(name,
                SplitFiles.bySplit(path, fileName -> Optional.of(SPLIT).filter(s -> fileName.equals(FILE_NAME)), FILE_NAME),
                JsonRecords::lines, (record, row, split) -> CHOICES.read(record, SUBJECT, split), null);
    }
}
