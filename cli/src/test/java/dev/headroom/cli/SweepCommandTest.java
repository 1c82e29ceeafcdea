package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.run.RunSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepCommandTest {

    @Test
    void theExampleSweepExpandsToOneRunSpecPerBenchmark() throws Exception {
        Path example = Path.of(System.getProperty("headroom.home", ".."), "examples/sweep-mmlu.yaml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = HeadroomCommand.commandLine().setErr(new PrintWriter(new StringWriter())).execute("sweep", example.toString());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).isZero();
        assertThat(lines).hasSize(2);
        RunSpec first = new ObjectMapper().readValue(lines.get(0), RunSpec.class);
        assertThat(first.problems()).isEmpty();
        assertThat(first.variants()).isNotEmpty();
    }
}
