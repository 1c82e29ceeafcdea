package dev.headroom.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's mistake is one line on standard error and a non-zero exit, never a stack trace. */
class UserMistakesTest {

    private static final String EXAMPLE = Path.of(System.getProperty("headroom.home", ".."),
            "examples/sweep-demo.yaml").toString();

    private record Outcome(int exit, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int exit = HeadroomCommand.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        return new Outcome(exit, err.toString());
    }

    private static void assertOneLine(Outcome outcome, String saying) {
        assertThat(outcome.exit()).isNotZero();
        assertThat(outcome.err().lines()).singleElement().asString().startsWith("headroom: ").contains(saying);
    }

    @Test
    void statusWithoutADeploymentSaysToNameOne() {
        assertOneLine(run("status", "run-1", "--url="), "no deployment: pass --url");
    }

    @Test
    void detachWithoutADeploymentIsRefused() {
        assertOneLine(run("run", EXAMPLE, "--detach", "--url="), "--detach needs --url");
    }

    @Test
    void aMissingSweepFileIsNamed() {
        assertOneLine(run("run", "no-such-sweep.yaml", "--url="), "no-such-sweep.yaml");
    }

    @Test
    void anUnreachableDeploymentIsNamed() {
        assertOneLine(run("report", "run-1", "--url=http://127.0.0.1:9", "--out=target"), "http://127.0.0.1:9");
    }

    @Test
    void anUnknownExportFormatIsAUsageError() {
        assertOneLine(run("export", "run-1", "--format=xlsx", "--url=http://127.0.0.1:9"), "xlsx");
    }
}
