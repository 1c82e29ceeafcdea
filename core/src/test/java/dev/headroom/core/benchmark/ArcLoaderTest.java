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

class ArcLoaderTest {

    private static final String DIGIT_LABELS = """
            {"id":"NY_1","question":{"stem":"Q1?","choices":[{"text":"w","label":"1"},{"text":"x","label":"2"},{"text":"y","label":"3"},{"text":"z","label":"4"}]},"answerKey":"2"}""";
    private static final String FIVE_LETTERS = """
            {"id":"Mercury_2","question":{"stem":"Q2?","choices":[{"text":"a","label":"A"},{"text":"b","label":"B"},{"text":"c","label":"C"},{"text":"d","label":"D"},{"text":"e","label":"E"}]},"answerKey":"E"}""";

    @TempDir
    Path dir;

    @Test
    void goldComesFromTheItemsOwnLabelsAndSplitsFromFileNames() throws IOException {
        Files.writeString(dir.resolve("ARC-Challenge-Test.jsonl"), DIGIT_LABELS + "\r\n" + FIVE_LETTERS + "\r\n");
        Files.writeString(dir.resolve("ARC-Challenge-Dev.jsonl"), FIVE_LETTERS);
        Benchmark arc = ArcLoader.read(dir, "arc");

        List<Item> test = arc.items("test", Set.of());
        assertThat(test).extracting(Item::id).containsExactly("arc/science/test/NY_1", "arc/science/test/Mercury_2");
        assertThat(test.get(0).choices()).containsExactly("w", "x", "y", "z");
        assertThat(test.get(0).answerIndex()).isEqualTo(1);
        assertThat(test.get(1).answerIndex()).isEqualTo(4);
        assertThat(arc.splits()).containsExactly("dev", "test");
        assertThat(arc.examples(ArcLoader.SUBJECT)).extracting(Item::id).containsExactly("arc/science/dev/Mercury_2");
    }

    @Test
    void twoArcSetsInOneDirectoryAreRefused() throws IOException {
        Files.writeString(dir.resolve("ARC-Challenge-Test.jsonl"), DIGIT_LABELS);
        Files.writeString(dir.resolve("ARC-Easy-Test.jsonl"), FIVE_LETTERS);

        assertThatThrownBy(() -> ArcLoader.read(dir, "arc"))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessage(dir + ": both ARC-Challenge-Test.jsonl and ARC-Easy-Test.jsonl hold split 'test'; "
                        + "keep one data set per directory");
    }
}
