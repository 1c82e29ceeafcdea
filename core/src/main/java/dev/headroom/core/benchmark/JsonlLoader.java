package dev.headroom.core.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * Headroom's generic multiple-choice JSONL, for any set without a loader of its own (see docs/benchmark-formats.md):
 * one object per line with {@code id} (string or integer), {@code question}, {@code choices} (strings),
 * {@code answer} (0-based index into choices) and optional {@code subject} and {@code split}. The path is one
 * {@code .jsonl} file or a directory of them; split {@value #FEW_SHOT_SPLIT}, when present, gives few-shot examples.
 */
public final class JsonlLoader {

    public static final String DEFAULT_SUBJECT = "general";
    public static final String DEFAULT_SPLIT = "test";
    public static final String FEW_SHOT_SPLIT = "dev";

    private JsonlLoader() {
    }

    public static Benchmark read(Path path, String name) {
        List<SplitFiles.SplitFile> files = SplitFiles.list(path, fileName -> fileName.endsWith(".jsonl"), "*.jsonl")
                .stream().map(file -> new SplitFiles.SplitFile(file, DEFAULT_SPLIT)).toList();
        return JsonBenchmark.read(name, files, JsonRecords::lines, JsonlLoader::item, FEW_SHOT_SPLIT);
    }

    private static SourceItem item(JsonRecord record, int row, String fileSplit) {
        return new SourceItem(record.optionalText("subject").orElse(DEFAULT_SUBJECT),
                record.optionalText("split").orElse(fileSplit), record.id("id"), record.text("question"),
                record.texts("choices"), record.integer("answer"));
    }
}
