package dev.headroom.core.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MmluProLoaderTest {

    private static final String LETTER_DISAGREES_WITH_INDEX = """
            {"question_id": 3983, "question": "Q?", "options": ["a", "b", "c", "d", "e", "f", "g"], "answer": "C", "answer_index": 1, "category": "chemistry", "src": "x"}""";
    private static final String TEN_OPTIONS = """
            {"question_id": 12, "question": "Q?", "options": ["0","1","2","3","4","5","6","7","8","9"], "answer": "J", "answer_index": 9, "category": "computer science"}""";

    @TempDir
    Path dir;

    @Test
    void theAnswerLetterWinsOverAnswerIndexAndOptionCountsVary() throws IOException {
        Files.writeString(dir.resolve("test.jsonl"), LETTER_DISAGREES_WITH_INDEX + "\n" + TEN_OPTIONS + "\n");

        List<Item> items = MmluProLoader.read(dir, "pro").items("test", Set.of());

        assertThat(items).extracting(Item::id).containsExactly("pro/chemistry/test/3983", "pro/computer science/test/12");
        assertThat(items.get(0).answerIndex()).isEqualTo(2);
        assertThat(items.get(0).choices()).hasSize(7);
        assertThat(items.get(1).answerIndex()).isEqualTo(9);
    }

    @Test
    void fewShotExamplesComeFromTheValidationFileWhenThereIsOne() throws IOException {
        Files.writeString(dir.resolve("test.jsonl"), TEN_OPTIONS);
        assertThatThrownBy(() -> MmluProLoader.read(dir, "pro").examples("computer science"))
                .isInstanceOf(NotInBenchmarkException.class)
                .hasMessageStartingWith("benchmark 'pro' has no few-shot split");

        Files.writeString(dir.resolve("validation.jsonl"), TEN_OPTIONS.replace("12", "1"));
        assertThat(MmluProLoader.read(dir, "pro").examples("computer science"))
                .extracting(Item::id).containsExactly("pro/computer science/validation/1");
    }
}
