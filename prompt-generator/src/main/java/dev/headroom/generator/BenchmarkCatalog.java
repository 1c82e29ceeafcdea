package dev.headroom.generator;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
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

    private static final String EXAMPLES_SPLIT = "dev";

    @Inject
    GeneratorConfig config;

    /** Loads what a run needs; a bad or unknown benchmark fails here, before anything is registered. */
    public RunPlan plan(String runId, RunSpec spec) {
        List<Item> items = RunPlanner.select(items(spec), spec.limit());
        return new RunPlan(runId, spec, items, examples(spec, items));
    }

    private List<Item> items(RunSpec spec) {
        return loader(spec.benchmark()).load(spec.split(), Set.copyOf(spec.subjects()));
    }

    /** Dev items of the subjects asked, in file order; only loaded when some variant is few-shot. */
    private Map<String, List<Item>> examples(RunSpec spec, List<Item> items) {
        if (spec.variants().stream().mapToInt(Variant::shots).max().orElse(0) == 0) {
            return Map.of();
        }
        MmluLoader loader = loader(spec.benchmark());
        Set<String> subjects = items.stream().map(Item::subject).collect(Collectors.toCollection(LinkedHashSet::new));
        return subjects.stream().collect(Collectors.toMap(subject -> subject,
                subject -> loader.loadFile(subject, EXAMPLES_SPLIT)));
    }

    private MmluLoader loader(String benchmark) {
        GeneratorConfig.Benchmark source = config.benchmarks().get(benchmark);
        if (source == null) {
            throw new UnknownBenchmarkException(benchmark, config.benchmarks().keySet());
        }
        return new MmluLoader(Path.of(source.dir()), benchmark);
    }

    public static class UnknownBenchmarkException extends RuntimeException {
        UnknownBenchmarkException(String benchmark, Set<String> known) {
            super("benchmark: unknown benchmark '" + benchmark + "'; this generator knows " + known.stream().sorted().toList());
        }
    }
}
