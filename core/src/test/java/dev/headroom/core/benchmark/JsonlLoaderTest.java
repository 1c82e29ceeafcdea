package dev.headroom.core.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonlLoaderTest {

    @TempDir
    Path dir;

    @Test
    void subjectAndSplitAreOptionalAndDevGivesTheExamples() throws IOException {
        Path file = Files.writeString(dir.resolve("set.jsonl"), """
                {"id": 7, "question": "Q?", "choices": ["a", "b"], "answer": 1}
                {"id": "x1", "question": "Q?", "choices": ["a", "b", "c"], "answer": 0, "subject": "geo", "split": "dev"}
                """);

        Benchmark set = JsonlLoader.read(file, "t");

        assertThat(set.items("test", Set.of())).extracting(Item::id).containsExactly("t/general/test/7");
        assertThat(set.examples("geo")).extracting(Item::id).containsExactly("t/geo/dev/x1");
        assertThat(set.splits()).containsExactly("dev", "test");
    }

    @Test
    void aDirectoryIsAllItsJsonlFilesAndIdsMustBeUniqueAcrossThem() throws IOException {
        String line = "{\"id\": \"q\", \"question\": \"Q?\", \"choices\": [\"a\", \"b\"], \"answer\": 0}\n";
        Path first = Files.writeString(dir.resolve("a.jsonl"), line);
        Path second = Files.writeString(dir.resolve("b.jsonl"), line.replace("\"q\"", "\"r\"") + line);

        assertThatThrownBy(() -> JsonlLoader.read(dir, "t"))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessage(second + ", line 2: duplicate id t/general/test/q, first on " + first + ", line 1");
    }

    @Test
    void askingForASubjectOrSplitTheBenchmarkLacksNamesWhatItHas() throws IOException {
        Benchmark set = JsonlLoader.read(Files.writeString(dir.resolve("set.jsonl"),
                "{\"id\": 1, \"question\": \"Q?\", \"choices\": [\"a\", \"b\"], \"answer\": 0, \"subject\": \"geo\"}"), "t");

        assertThatThrownBy(() -> set.items("test", Set.of("geo", "math")))
                .isInstanceOf(NotInBenchmarkException.class)
                .hasMessage("benchmark 't' has no subject [math] in split 'test'; it has [geo]");
        assertThatThrownBy(() -> set.items("val", Set.of()))
                .isInstanceOf(NotInBenchmarkException.class)
                .hasMessage("benchmark 't' has no split 'val'; it has [test]");
    }
}
