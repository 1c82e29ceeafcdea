package dev.headroom.cli;

import dev.headroom.core.budget.AnswerGrid;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Per-item answers of several models in MMLU-Pro's {@code predictions_wide.csv} layout ({@code question_id},
 * {@code category}, {@code src}, {@code answer}, then one column of answer letters per model; {@code NONE}
 * unparsed, {@code MISSING} absent) as a full grid with the models as variants. Unparsed and absent answers count
 * as wrong, and each column's truth is its accuracy over every item under that rule.
 */
final class ReplayedAnswers {

    private static final int FIRST_MODEL_COLUMN = 4;

    private ReplayedAnswers() {
    }

    static AnswerGrid read(Path csv) throws IOException {
        List<CSVRecord> rows;
        List<String> models;
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
            rows = parser.getRecords().stream().sorted(Comparator.comparing(row -> row.get("question_id"))).toList();
            models = parser.getHeaderNames().subList(FIRST_MODEL_COLUMN, parser.getHeaderNames().size());
        }
        boolean[][] correct = new boolean[models.size()][rows.size()];
        double[] truth = new double[models.size()];
        for (int v = 0; v < models.size(); v++) {
            for (int i = 0; i < rows.size(); i++) {
                correct[v][i] = rows.get(i).get(models.get(v)).equals(rows.get(i).get("answer"));
                truth[v] += correct[v][i] ? 1.0 / rows.size() : 0;
            }
        }
        return new AnswerGrid(models, rows.stream().map(row -> row.get("question_id")).toList(), correct, truth);
    }
}
