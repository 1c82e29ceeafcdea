package dev.headroom.generator;

import dev.headroom.core.benchmark.Benchmark;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The benchmarks this generator is configured with, and the items and few-shot examples a run asks for. */
@ApplicationScoped
public class BenchmarkCatalog {

    @Inject
    GeneratorConfig config;

    /** Loads what a run needs; a bad or unknown benchmark fails here, before anything is registered. */
    public RunPlan plan(String runId, RunSpec spec) {
        List<Item> items = RunPlanner.select(items(spec), spec.limit());
        return new RunPlan(runId, spec, items, examples(spec, items));
    }

    private List<Item> items(RunSpec spec) {
        return open(spec.benchmark()).items(spec.split(), Set.copyOf(spec.subjects()));
    }

    /** The few-shot examples of each subject asked, in file order; only loaded when some variant is few-shot. */
    private Map<String, List<Item>> examples(RunSpec spec, List<Item> items) {
        if (spec.variants().stream().mapToInt(Variant::shots).max().orElse(0) == 0) {
            return Map.of();
        }
        Benchmark benchmark = open(spec.benchmark());
        Set<String> subjects = items.stream().map(Item::subject).collect(Collectors.toCollection(LinkedHashSet::new));
        return subjects.stream().collect(Collectors.toMap(subject -> subject, benchmark::examples));
    }

    private Benchmark open(String benchmark) {
        GeneratorConfig.BenchmarkSource source = config.benchmarks().get(benchmark);
        if (source == null) {
            throw new UnknownBenchmarkException(benchmark, config.benchmarks().keySet());
        }
        return source.format().open(Path.of(source.path()), benchmark);
    }

    public static class UnknownBenchmarkException extends RuntimeException {
        UnknownBenchmarkException(String benchmark, Set<String> known) {
            super("benchmark: unknown benchmark '" + benchmark + "'; this generator knows " + known.stream().sorted().toList());
        }
    }
}
