package dev.headroom.worker.gguf;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one task costs the GGUF backend: the bundled MMLU sample under the plain variant (four letter labels), each
 * answered by {@link GgufBackend#complete}. A command, not a test; docs/backends.md says how to run it.
 * Arguments: GGUF file, [threads, default 1], [logit tolerance, default 1e-4].
 */
public final class GgufBackendBenchmark {

    private GgufBackendBenchmark() {
    }

    public static void main(String[] args) {
        Path model = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-4;
        List<Item> items = new MmluLoader(Path.of("samples/mmlu-sample"), "mmlu-sample").items("test", Set.of());
        RunSpec spec = new RunSpec("bench", "mmlu-sample", null, null, null, List.of(VariantPresets.named("plain")),
                List.of("bench"));
        List<PromptTask> tasks = RunPlanner.tasks("bench", spec, items, Map.of()).toList();
        Duration timeout = Duration.ofMinutes(2);
        try (GgufBackend backend = new GgufBackend(new LlamaProcess(new LlamaOptions(model, 2048, threads, "f32"),
                timeout, timeout), tolerance)) {
            backend.complete(tasks.get(0)); // starts the child: not part of any task's cost
            long started = System.nanoTime();
            long promptTokens = 0;
            for (PromptTask task : tasks) {
                Completion completion = backend.complete(task);
                promptTokens += completion.promptTokens();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%d tasks, %.1f prompt tokens on average, %.3f s per task (threads %d, tolerance %g)%n",
                    tasks.size(), (double) promptTokens / tasks.size(), seconds / tasks.size(), threads, tolerance);
        }
    }
}
