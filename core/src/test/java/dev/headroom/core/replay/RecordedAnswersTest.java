package dev.headroom.core.replay;

import dev.headroom.core.benchmark.BenchmarkFormatException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedAnswersTest {

    static final Path PREDICTIONS = Path.of(System.getProperty("headroom.home", ".."))
            .resolveSibling("shared/datasets/predictions/mmlu_pro_tiger_eval_results/predictions_wide.csv");

    @TempDir
    Path dir;

    @Test
    void lettersAreOriginalOptionsNoneIsNoAnswerMissingIsAbsent() throws IOException {
        Path csv = Files.writeString(dir.resolve("p.csv"), "question_id,answer,m\n1,B,C\n2,A,NONE\n3,D,MISSING\n");

        RecordedAnswers answers = RecordedAnswers.read(csv, "question_id", "m");

        assertThat(answers.answer("1")).contains(new RecordedAnswers.Answer.Option(2));
        assertThat(answers.answer("2")).contains(new RecordedAnswers.Answer.NoAnswer());
        assertThat(answers.answer("3")).isEmpty();
        assertThat(answers.size()).isEqualTo(2);
    }

    @Test
    void anUnknownColumnOrAnswerIsAnErrorNamingIt() throws IOException {
        Path csv = Files.writeString(dir.resolve("p.csv"), "question_id,m\n1,B\n2,maybe\n");

        assertThatThrownBy(() -> RecordedAnswers.read(csv, "question_id", "other")).isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("no column 'other'");
        assertThatThrownBy(() -> RecordedAnswers.read(csv, "question_id", "m")).hasMessageContaining("line 3")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void readsEveryOneOfThe29RealModelsWithItsPresentItems() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PREDICTIONS), "../shared is not beside this checkout");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(PREDICTIONS))) {
            var models = parser.getHeaderNames().subList(4, parser.getHeaderNames().size());
            var records = parser.getRecords();
            assertThat(models).hasSize(29);
            for (String model : models) {
                long present = records.stream().filter(r -> !r.get(model).equals("MISSING")).count();
                assertThat(RecordedAnswers.read(PREDICTIONS, "question_id", model).size()).as(model).isEqualTo(present);
            }
            assertThat(records.stream().map(CSVRecord::getRecordNumber)).hasSize(12032);
        }
    }
}
