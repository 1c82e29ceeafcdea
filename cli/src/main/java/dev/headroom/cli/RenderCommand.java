package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.headroom.core.SpecReader;
import dev.headroom.core.benchmark.Benchmark;
import dev.headroom.core.benchmark.BenchmarkFormat;
import dev.headroom.core.variant.PromptEvalTemplates;
import dev.headroom.core.variant.PromptRenderer;
import dev.headroom.core.variant.RenderedPrompt;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Prints exactly what a model would see for one item under one variant: researchers, tests and reviewers read it. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print exactly what a model would see for one item under one variant: the completion string "
                + "with nothing added, or with --chat the chat messages as JSON.")
public class RenderCommand implements Callable<Integer> {

    @Option(names = "--benchmark", defaultValue = "mmlu",
            description = "The benchmark's name, as item ids carry it (default ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--format", defaultValue = "mmlu", paramLabel = "FORMAT",
            description = "The data's layout: mmlu, arc, commonsense-qa, truthfulqa-mc1, mmlu-pro or jsonl "
                    + "(docs/benchmark-formats.md; default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "The benchmark's data, a directory or a file as its format says "
                    + "(MMLU: DIR/<split>/<subject>_<split>.csv).")
    Path data;

    @Option(names = "--subject", required = true, description = "The subject, as in the file names (e.g. anatomy).")
    String subject;

    @Option(names = "--split", defaultValue = "test", description = "The split (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--row", required = true, paramLabel = "N", description = "The item's row in the file, from 0.")
    int row;

    @Option(names = "--variant", defaultValue = "plain", paramLabel = "VARIANT",
            description = "A preset name (default ${DEFAULT-VALUE}), a JSON object of dimensions such as "
                    + "'{\"base\": \"helm\", \"labels\": \"NUMBER\"}', or prompteval-N with --prompteval.")
    String variant;

    @Option(names = "--shots", paramLabel = "K", description = "Few-shot examples from dev, overriding the variant's.")
    Integer shots;

    @Option(names = "--prompteval", paramLabel = "FILE",
            description = "PromptEval's template file (data/templates/MMLU/<subject>.csv), for --variant prompteval-N.")
    Path promptEval;

    @Option(names = "--chat", description = "Print the chat messages as JSON instead of the completion string.")
    boolean chat;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such file or directory");
        }
        Variant chosen = variant();
        if (shots != null) {
            chosen = chosen.withShots(shots);
        }
        Benchmark source = SpecReader.enumValue(BenchmarkFormat.class, "format", TextNode.valueOf(format), "--format")
                .open(data, benchmark);
        if (!source.subjects(split).contains(subject)) {
            throw new IllegalArgumentException("--subject " + subject + ": not in the " + split + " split of " + data
                    + "; subjects there: " + source.subjects(split));
        }
        List<Item> items = source.subjectItems(split, subject);
        if (row < 0 || row >= items.size()) {
            throw new IllegalArgumentException("--row " + row + ": " + subject + " " + split + " has " + items.size()
                    + " rows (0 to " + (items.size() - 1) + ")");
        }
        List<Item> examples = chosen.shots() == 0 ? List.of() : source.examples(subject);
        RenderedPrompt prompt = PromptRenderer.render(items.get(row), chosen, examples);
        // bytes, not a Writer: the prompt must reach the terminal or file exactly, whatever the platform charset
        String output = chat
                ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(prompt.messages()) + "\n"
                : prompt.text();
        System.out.write(output.getBytes(StandardCharsets.UTF_8));
        System.out.flush();
        return 0;
    }

    private Variant variant() {
        if (promptEval == null) {
            return VariantParser.parse(variant, "--variant");
        }
        List<Variant> templates = PromptEvalTemplates.load(promptEval);
        return templates.stream()
                .filter(candidate -> candidate.template().name().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--variant " + variant + ": not in " + promptEval
                        + ", which has " + templates.get(0).template().name() + " to "
                        + templates.get(templates.size() - 1).template().name()));
    }

}
