package dev.headroom.core.variant;

import dev.headroom.core.benchmark.BenchmarkFormatException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PromptEval's MMLU templates (Polo et al., 2024) as variants. The file is PromptEval's
 * {@code data/templates/MMLU/<subject>.csv}: a header {@code ,prompt template}, then one row per template, its
 * index and its text with {@code {topic}}, {@code {question}} and {@code {choices}}. PromptEval rendered them with
 * unitxt's MultipleChoiceTemplate: choices "A. text" joined by newlines, the topic with spaces for underscores,
 * which is what plain's labels, separator and layout give here.
 */
public final class PromptEvalTemplates {

    private PromptEvalTemplates() {
    }

    /** One variant per template, in file order, named "prompteval-INDEX". */
    public static List<Variant> load(Path file) {
        List<Variant> variants = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
            long line = 1;
            for (CSVRecord record : parser) {
                if (line == 1 && !record.toList().equals(List.of("", "prompt template"))) {
                    throw new BenchmarkFormatException(file, 1, "expected the header ',prompt template'");
                }
                if (line > 1) {
                    variants.add(variant(file, line, record));
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IOException e) {
            throw new BenchmarkFormatException(file, "unreadable: " + e.getMessage());
        }
        if (variants.isEmpty()) {
            throw new BenchmarkFormatException(file, "no templates");
        }
        return variants;
    }

    private static Variant variant(Path file, long line, CSVRecord record) {
        if (record.size() != 2 || !record.get(0).matches("[0-9]+")) {
            throw new BenchmarkFormatException(file, line, "expected 'index,template'");
        }
        try {
            return Variant.builder().template(new PromptTemplate("prompteval-" + record.get(0), record.get(1))).build();
        } catch (IllegalArgumentException e) {
            throw new BenchmarkFormatException(file, line, e.getMessage());
        }
    }
}
