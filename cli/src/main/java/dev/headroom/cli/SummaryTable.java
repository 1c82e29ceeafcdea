package dev.headroom.cli;

import dev.headroom.core.run.RunSummary;

import java.io.PrintStream;

/** The run summary as a plain-text table: one row per model and variant. */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(RunSummary summary, PrintStream out) {
        int variantWidth = Math.max("variant".length(),
                summary.rows().stream().mapToInt(row -> row.variantName().length()).max().orElse(0));
        int modelWidth = Math.max("model".length(),
                summary.rows().stream().mapToInt(row -> row.model().length()).max().orElse(0));
        String format = "%-" + modelWidth + "s  %-" + variantWidth + "s  %7s  %7s  %8s  %8s%n";
        out.printf(format, "model", "variant", "items", "correct", "unparsed", "accuracy");
        for (RunSummary.Row row : summary.rows()) {
            out.printf(format, row.model(), row.variantName(), row.items(), row.correct(), row.unparsed(),
                    String.format("%.3f", row.accuracy()));
        }
    }
}
