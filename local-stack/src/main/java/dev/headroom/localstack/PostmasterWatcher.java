package dev.headroom.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops a postmaster once this JVM is gone, however it died. A shell waits for end-of-file on the stdin pipe that
 * this JVM holds open and never writes to, then asks the postmaster for a fast shutdown (SIGINT). Its backends follow
 * their postmaster by themselves.
 */
final class PostmasterWatcher implements AutoCloseable {

    private static final String SCRIPT = "read -r ignored; kill -INT \"$1\" 2>/dev/null";

    private final Process shell;
    private final long postmasterPid;

    private PostmasterWatcher(Process shell, long postmasterPid) {
        this.shell = shell;
        this.postmasterPid = postmasterPid;
    }

    static PostmasterWatcher watch(Path pgData) throws IOException {
        long postmasterPid = postmasterPid(pgData);
        Process shell = new ProcessBuilder("sh", "-c", SCRIPT, "postmaster-watcher", Long.toString(postmasterPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new PostmasterWatcher(shell, postmasterPid);
    }

    long postmasterPid() {
        return postmasterPid;
    }

    /** Ends the watch without signalling the postmaster. */
    @Override
    public void close() {
        shell.destroyForcibly();
        try {
            shell.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the postmaster of {@code pgData}, if one is running, for a fast shutdown. */
    static void stopPostmaster(Path pgData) {
        try {
            long pid = postmasterPid(pgData);
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        } catch (IOException | NumberFormatException noPostmaster) {
            // nothing was started, or its pid file is gone: nothing to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first line of postmaster.pid, which pg_ctl has written by the time the server accepts connections. */
    private static long postmasterPid(Path pgData) throws IOException {
        List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("Empty postmaster.pid in " + pgData);
        }
        return Long.parseLong(lines.get(0).trim());
    }
}
