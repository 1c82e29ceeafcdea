package dev.headroom.core.replay;

import dev.headroom.core.benchmark.BenchmarkFormatException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model's recorded answers, read from a wide CSV (a key column, then one column of answer letters per model),
 * so that published results can be replayed through the pipeline. A letter names an option in the benchmark's own
 * order (A = the first); {@value #NO_ANSWER} means the model gave none (scored as unparsed); {@value #ABSENT} means
 * the item was not in the model's run (it cannot be scored at all).
 */
public final class RecordedAnswers {

    public static final String NO_ANSWER = "NONE";
    public static final String ABSENT = "MISSING";

    /** What a model answered on one item. */
    public sealed interface Answer {
        record Option(int originalIndex) implements Answer { }
        record NoAnswer() implements Answer { }
    }

    private final Map<String, Answer> byKey;

    private RecordedAnswers(Map<String, Answer> byKey) {
        this.byKey = byKey;
    }

    public static RecordedAnswers read(Path csv, String keyColumn, String modelColumn) {
        Map<String, Answer> byKey = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of(keyColumn, modelColumn)) {
                if (!header.contains(column)) {
                    throw new BenchmarkFormatException(csv, 1, "no column '" + column + "'");
                }
            }
            for (CSVRecord record : parser) {
                String recorded = record.get(modelColumn).strip();
                if (!recorded.equals(ABSENT)) {
                    byKey.put(record.get(keyColumn), parse(csv, record.getRecordNumber() + 1, recorded));
                }
            }
        } catch (IOException e) {
            throw new BenchmarkFormatException(csv, "unreadable: " + e);
        }
        return new RecordedAnswers(byKey);
    }

    /** Empty when the item was absent from the recorded run. */
    public Optional<Answer> answer(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public int size() {
        return byKey.size();
    }

    private static Answer parse(Path csv, long line, String recorded) {
        if (recorded.equals(NO_ANSWER)) {
            return new Answer.NoAnswer();
        }
        if (recorded.length() != 1 || recorded.charAt(0) < 'A' || recorded.charAt(0) > 'Z') {
            throw new BenchmarkFormatException(csv, line, "answer must be a letter, " + NO_ANSWER + " or " + ABSENT
                    + ", found '" + recorded + "'");
        }
        return new Answer.Option(recorded.charAt(0) - 'A');
    }
}
