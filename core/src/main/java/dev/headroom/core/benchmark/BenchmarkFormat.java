package dev.headroom.core.benchmark;

import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The layouts Headroom reads, each with the loader that reads it; docs/benchmark-formats.md describes every one.
 * Configuration names them in lower case with hyphens ({@code commonsense-qa}, {@code truthfulqa-mc1}).
 */
public enum BenchmarkFormat {
    MMLU(MmluLoader::new),
    ARC(ArcLoader::read),
    COMMONSENSE_QA(CommonsenseQaLoader::read),
    TRUTHFULQA_MC1(TruthfulQaMc1Loader::read),
    MMLU_PRO(MmluProLoader::read),
    JSONL(JsonlLoader::read);

    private final BiFunction<Path, String, Benchmark> loader;

    BenchmarkFormat(BiFunction<Path, String, Benchmark> loader) {
        this.loader = loader;
    }

    /** The benchmark at {@code path} (a file or a directory, as the format says), its item ids starting with {@code name}. */
    public Benchmark open(Path path, String name) {
        return loader.apply(path, name);
    }
}
