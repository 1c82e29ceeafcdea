package dev.headroom.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An intermediate parent, run in its own JVM so that a test can SIGKILL it: starts a database. */
public final class ParentOfDatabase {

    private ParentOfDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EmbeddedDatabase.start(dataDir);
        String postmasterPid = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"), StandardCharsets.UTF_8)
                .get(0);
        System.out.println("postmaster-pid=" + postmasterPid);
        Thread.sleep(Long.MAX_VALUE);
    }
}
