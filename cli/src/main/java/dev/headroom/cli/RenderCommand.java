package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
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

    private static final String EXAMPLES_SPLIT = "dev";

    @Option(names = "--benchmark", defaultValue = "mmlu",
            description = "The benchmark's name, as item ids carry it (default ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The benchmark's data in MMLU's layout: DIR/<split>/<subject>_<split>.csv.")
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
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such directory");
        }
        Variant chosen = variant();
        if (shots != null) {
            chosen = chosen.withShots(shots);
        }
        MmluLoader loader = new MmluLoader(data, benchmark);
        List<Item> items = loader.loadFile(existingSubject(loader), split);
        if (row < 0 || row >= items.size()) {
            throw new IllegalArgumentException("--row " + row + ": " + subject + " " + split + " has " + items.size()
                    + " rows (0 to " + (items.size() - 1) + ")");
        }
        List<Item> examples = chosen.shots() == 0 ? List.of() : loader.loadFile(subject, EXAMPLES_SPLIT);
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

    private String existingSubject(MmluLoader loader) {
        if (!Files.isRegularFile(data.resolve(split).resolve(subject + "_" + split + ".csv"))) {
            throw new IllegalArgumentException("--subject " + subject + ": no " + split + " file for it in " + data
                    + "; subjects there: " + loader.subjects(split));
        }
        return subject;
    }
}
