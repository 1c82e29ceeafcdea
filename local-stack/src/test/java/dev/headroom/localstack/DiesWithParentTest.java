package dev.headroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL runs no shutdown hook; these check that what a killed JVM started goes away all the same. */
class DiesWithParentTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private ChildJvm parent;
    private long orphanCandidate;

    @AfterEach
    void killLeftovers() {
        if (parent != null) {
            parent.kill();
        }
        if (orphanCandidate != 0) {
            ProcessHandle.of(orphanCandidate).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void childJvmDiesWhenItsParentIsKilled() throws Exception {
        parent = startParent(ParentOfSleeper.class, dir.resolve("child.log").toString());
        orphanCandidate = Long.parseLong(awaitValue("child-pid="));
        assertThat(isRunning(orphanCandidate)).isTrue();

        parent.kill();

        awaitGone(orphanCandidate);
    }

    @Test
    void postmasterDiesWhenItsParentIsKilled() throws Exception {
        parent = startParent(ParentOfDatabase.class, dir.resolve("db").toString());
        orphanCandidate = Long.parseLong(awaitValue("postmaster-pid="));
        assertThat(isRunning(orphanCandidate)).isTrue();

        parent.kill();

        awaitGone(orphanCandidate);
    }

    private ChildJvm startParent(Class<?> mainClass, String arg) throws Exception {
        return ChildJvm.builder(mainClass.getName())
                .classpath(TestClasspath.entries())
                // zonky unpacks the PostgreSQL archive in memory.
                .jvmArgs("-Xmx256m")
                .args(arg)
                .logFile(dir.resolve("parent.log"))
                .start();
    }

    private String awaitValue(String prefix) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline && parent.isAlive()) {
            Optional<String> line = Files.readAllLines(parent.logFile()).stream()
                    .filter(candidate -> candidate.startsWith(prefix))
                    .findFirst();
            if (line.isPresent()) {
                return line.get().substring(prefix.length()).trim();
            }
            Thread.sleep(100);
        }
        return fail("The parent printed no " + prefix + " line. Its log:\n" + parent.logTail(50));
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (isRunning(pid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(isRunning(pid)).as("process %d outlived its killed parent", pid).isFalse();
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
