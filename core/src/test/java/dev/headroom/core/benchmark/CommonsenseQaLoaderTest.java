package dev.headroom.core.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommonsenseQaLoaderTest {

    private static final String ITEM = """
            {"answerKey": "D", "id": "1afa", "question": {"question_concept": "door", "choices": [{"label": "A", "text": "bank"}, {"label": "B", "text": "library"}, {"label": "C", "text": "store"}, {"label": "D", "text": "mall"}, {"label": "E", "text": "new york"}], "stem": "Where?"}}""";

    @TempDir
    Path dir;

    @Test
    void theDevFileIsTheValidationSplitWithOneSubject() throws IOException {
        Files.writeString(dir.resolve("dev_rand_split.jsonl"), ITEM);

        Benchmark csqa = CommonsenseQaLoader.read(dir, "csqa");

        assertThat(csqa.splits()).containsExactly("validation");
        Item item = csqa.subjectItems("validation", "commonsense").get(0);
        assertThat(item.id()).isEqualTo("csqa/commonsense/validation/1afa");
        assertThat(item.choices().get(item.answerIndex())).isEqualTo("mall");
        assertThat(csqa.fewShotSplit()).isEmpty();
    }

    @Test
    void aFileOfAnotherNameIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("test_rand_split_no_answers.jsonl"), ITEM);

        assertThatThrownBy(() -> CommonsenseQaLoader.read(file, "csqa"))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessage(file + ": not a file name this format reads; expected dev_rand_split.jsonl");
    }
}
