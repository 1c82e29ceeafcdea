package dev.headroom.core.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MmluLoaderTest {

    static final Path REPO = Path.of(System.getProperty("headroom.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private MmluLoader loaderWith(String subject, byte[] content) throws IOException {
        Files.createDirectories(dir.resolve("test"));
        Files.write(dir.resolve("test").resolve(subject + "_test.csv"), content);
        return new MmluLoader(dir, "t");
    }

    @Test
    void readsQuotedNewlinesCrlfAndStableIds() throws IOException {
        String csv = "\"Two\nlines?\",a,\"b, with comma\",c,d,B\r\nplain,1,2,3,4,D\n";

        List<Item> items = loaderWith("math", csv.getBytes(StandardCharsets.UTF_8)).items("test", Set.of());

        assertThat(items).extracting(Item::id).containsExactly("t/math/test/0", "t/math/test/1");
        assertThat(items.get(0).question()).isEqualTo("Two\nlines?");
        assertThat(items.get(0).choices()).containsExactly("a", "b, with comma", "c", "d");
        assertThat(items.get(0).answerIndex()).isEqualTo(1);
        assertThat(items.get(1).answerIndex()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "q,a,b,c,d,B\\nq,a,b,c,B|line 2: expected 6 fields",
            "q,a,b,c,d,E|answer must be one of A, B, C, D, found 'E'",
            "q,a,b,c,d,B\\n,a,b,c,d,A|line 2: empty question",
            "\"q,a,b,c,d,B|malformed CSV",
            "''|no rows"})
    void rejectsABadFileNamingItAndTheLine(String content, String problem) throws IOException {
        MmluLoader loader = loaderWith("bad", content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> loader.items("test", Set.of()))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("bad_test.csv")
                .hasMessageContaining(problem);
    }

    @Test
    void rejectsInvalidUtf8() throws IOException {
        MmluLoader loader = loaderWith("latin", new byte[]{'q', (byte) 0xe9, ',', 'a', ',', 'b', ',', 'c', ',', 'd', ',', 'A', '\n'});

        assertThatThrownBy(() -> loader.items("test", Set.of())).hasMessageContaining("latin_test.csv");
    }

    @Test
    void unknownSubjectIsAnError() throws IOException {
        MmluLoader loader = loaderWith("math", "q,a,b,c,d,A\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> loader.items("test", Set.of("history"))).hasMessageContaining("history");
    }

    @Test
    void bundledSampleHasFourSubjectsWithFewShotExamples() {
        MmluLoader sample = new MmluLoader(REPO.resolve("samples/mmlu-sample"), "mmlu-sample");

        assertThat(sample.subjects("test")).hasSize(4).isEqualTo(sample.subjects("dev"));
        assertThat(sample.items("test", Set.of())).hasSizeGreaterThanOrEqualTo(40);
        assertThat(sample.subjects("dev")).allSatisfy(subject -> assertThat(sample.subjectItems("dev", subject)).hasSize(5));
    }
}
