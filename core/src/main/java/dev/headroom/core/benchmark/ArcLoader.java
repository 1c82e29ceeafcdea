package dev.headroom.core.benchmark;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARC in AI2's release: {@code ARC-<Set>-{Train,Dev,Test}.jsonl}, one set (Challenge or Easy) per directory.
 * Items have 3 to 5 choices labelled A–E or 1–4; the dev split gives the few-shot examples.
 */
public final class ArcLoader {

    /** ARC has no subjects: every question is grade-school science. */
    public static final String SUBJECT = "science";

    private static final Pattern FILE_NAME = Pattern.compile("(?i).+-(train|dev|test)\\.jsonl");
    private static final Ai2Choices CHOICES = new Ai2Choices(3, 5, true);

    private ArcLoader() {
    }

    public static Benchmark read(Path path, String name) {
        return JsonBenchmark.read(name,
                SplitFiles.bySplit(path, ArcLoader::splitOf, "ARC-<Set>-Train.jsonl, -Dev.jsonl or -Test.jsonl"),
                JsonRecords::lines, (record, row, split) -> CHOICES.read(record, SUBJECT, split), "dev");
    }

    private static Optional<String> splitOf(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
