package dev.headroom.core.variant;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import dev.headroom.core.run.SweepSpecParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A benchmark, not a test: renders every MMLU test item under 100 variants on one thread and prints prompts per
 * second (docs/benchmarks.md). Run from the repository root:
 * <pre>./mvnw -q -pl core test-compile exec:java [-Dexec.args="MMLU_DATA_DIR [PROMPTEVAL_CSV]"]</pre>
 */
public final class RenderThroughput {

    /** Every dimension varies; 100 of its 57,600 combinations are drawn with a fixed seed. */
    private static final String GRID = """
            benchmarks: [mmlu]
            models: [m]
            variants:
              grid:
                labels: [upper, lower, number, roman, roman-lower]
                wrap: [none, parens]
                layout: [lines, inline, bullets]
                order: [original, reversed, shuffle1]
                shots: [0, 1, 3, 5]
                answerCue: [answer, the-answer-is, final-answer, label-only, answer-format]
                elicitation: [direct, chain-of-thought]
                system: [none, helpful]
                persona: [none, expert]
                casing: [original, upper]
                noise: [none, {typos: 0.05, seed: 1}]
              sample: {seed: 1, budget: 100}
            """;

    private RenderThroughput() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/datasets/mmlu/data");
        Path templates = Path.of(args.length > 1 ? args[1]
                : "../shared/datasets/prompt_templates/prompteval_mmlu/data/templates/MMLU/abstract_algebra.csv");
        MmluLoader loader = new MmluLoader(data, "mmlu");
        List<Item> items = loader.items("test", Set.of());
        Map<String, List<Item>> examples = loader.subjects("dev").stream()
                .collect(Collectors.toMap(Function.identity(), subject -> loader.subjectItems("dev", subject)));
        System.out.printf("%d test items, %d subjects; one thread, %s%n", items.size(), examples.size(),
                Runtime.version());

        measure("100 variants sampled from a grid over every dimension", items, examples,
                SweepSpecParser.parse(GRID, Path.of(".")).variants());
        if (Files.isRegularFile(templates)) {
            measure("the 100 PromptEval MMLU templates", items, examples, PromptEvalTemplates.load(templates));
        }
    }

    private static void measure(String what, List<Item> items, Map<String, List<Item>> examples, List<Variant> variants) {
        long warmChars = renderAll(items.subList(0, 2_000), examples, variants);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long chars = renderAll(items, examples, variants);
        double seconds = (System.nanoTime() - start) / 1e9;
        // on a shared machine the thread's CPU time is the fairer clock; both are printed
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long prompts = (long) items.size() * variants.size();
        System.out.printf("%s: %,d prompts in %.1f s = %,.0f prompts/s (%,.0f per CPU second; %,d MB of prompt text;"
                + " warm-up %d chars)%n", what, prompts, seconds, prompts / seconds, prompts / cpuSeconds,
                chars * 2 / 1_000_000, warmChars);
    }

    private static long renderAll(List<Item> items, Map<String, List<Item>> examples, List<Variant> variants) {
        long chars = 0;
        for (Item item : items) {
            List<Item> subjectExamples = examples.get(item.subject());
            for (Variant variant : variants) {
                chars += PromptRenderer.render(item, variant, subjectExamples).text().length();
            }
        }
        return chars;
    }
}
