package dev.headroom.deploy;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external program a check runs. .ci/run installs every one, so in CI a missing one fails the check; elsewhere
 * the check is skipped with the way to install it.
 */
record Tool(String command, String install) {

    static final Tool PROMTOOL = new Tool("promtool", "apt-get install --no-install-recommends prometheus");
    static final Tool PROMETHEUS = new Tool("prometheus", "apt-get install --no-install-recommends prometheus");
    static final Tool DOCKER_COMPOSE = new Tool("docker-compose", "apt-get install --no-install-recommends docker-compose");
    static final Tool PSQL = new Tool("psql", "apt-get install --no-install-recommends postgresql-client");
    static final Tool NODE = new Tool("node", "apt-get install --no-install-recommends nodejs npm");

    /** What a run printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {
    }

    /** The program's path; fails in CI and skips elsewhere when it is not installed. */
    Path require() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        requirePresent(false, command + " is not installed (" + install + ")");
        return null;
    }

    /** Runs the program with these arguments in the repository root, feeding stdin, and waits up to two minutes. */
    Result runWithInput(String stdin, String... arguments) {
        List<String> commandLine = new ArrayList<>(List.of(require().toString()));
        commandLine.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(commandLine).directory(Repo.HOME.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                Assertions.fail(String.join(" ", commandLine) + " did not finish in 2 minutes");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result run(String... arguments) {
        return runWithInput("", arguments);
    }

    /** In CI (.ci/run sets CI=true) a missing prerequisite is a failure; elsewhere it skips the check. */
    static void requirePresent(boolean present, String missing) {
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail(missing + ": .ci/run installs it");
        }
        Assumptions.assumeTrue(present, () -> "skipped: " + missing + "; .ci/run installs it");
    }
}
