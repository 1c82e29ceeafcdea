package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    private static final String SAMPLE = Path.of(System.getProperty("headroom.home", ".."), "samples/mmlu-sample").toString();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    private int run(String... args) {
        return HeadroomCommand.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheCompletionStringWithNothingAdded() {
        int exit = run("render", "--data", SAMPLE, "--subject", "astronomy", "--row", "0", "--shots", "1");

        assertThat(exit).isZero();
        assertThat(printed()).isEqualTo("""
                The following are multiple choice questions (with answers) about astronomy.

                Which is the largest planet in our solar system?
                A. Saturn
                B. Jupiter
                C. Neptune
                D. Earth
                Answer: B

                Which planet in our solar system takes the least time to complete one orbit around the Sun?
                A. Mercury
                B. Venus
                C. Mars
                D. Earth
                Answer:""");
    }

    @Test
    void chatPrintsTheMessagesAsJson() throws Exception {
        int exit = run("render", "--data", SAMPLE, "--subject", "astronomy", "--row", "1",
                "--variant", "{\"base\": \"plain-5shot-chat\", \"system\": \"helpful\"}", "--shots", "2", "--chat");

        JsonNode messages = new ObjectMapper().readTree(printed());
        assertThat(exit).isZero();
        assertThat(messages).extracting(m -> m.get("role").asText())
                .containsExactly("system", "user", "assistant", "user", "assistant", "user");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("B");
    }

    @Test
    void aRowOutsideTheFileIsOneLineAndAnExitCode() {
        int exit = run("render", "--data", SAMPLE, "--subject", "astronomy", "--row", "500");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("headroom: --row 500: astronomy test has ").hasLineCount(1);
        assertThat(printed()).isEmpty();
    }

    @Test
    void anUnknownSubjectListsTheSubjectsThere() {
        assertThat(run("render", "--data", SAMPLE, "--subject", "astrology", "--row", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("--subject astrology: not in the test split").contains("astronomy").hasLineCount(1);
    }

    @Test
    void anInvalidVariantNamesTheOptionAndTheKey() {
        assertThat(run("render", "--data", SAMPLE, "--subject", "astronomy", "--row", "0",
                "--variant", "{\"labels\": \"greek\"}")).isEqualTo(1);
        assertThat(err.toString()).startsWith("headroom: --variant.labels: unknown label style 'greek'").hasLineCount(1);
    }
}
