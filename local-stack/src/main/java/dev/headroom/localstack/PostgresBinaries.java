package dev.headroom.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The directory where zonky unpacks the PostgreSQL binaries: one per user, because binaries that root unpacked into a
 * shared directory would leave no room for anyone else. zonky makes that directory world-writable; a private parent
 * keeps other users from swapping the binaries that this user, possibly root, then runs.
 */
final class PostgresBinaries {

    /** zonky's marker of a finished unpacking, and the lock that its unpacking JVM holds. */
    private static final String FINISHED_MARKER = ".exists";
    private static final String UNPACKING_LOCK = "epg-lock";

    private PostgresBinaries() {
    }

    static Path directory() throws IOException {
        Path privateParent = Path.of(System.getProperty("java.io.tmpdir"),
                "headroom-postgres-" + System.getProperty("user.name"));
        Files.createDirectories(privateParent);
        Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx------"));
        Path directory = Files.createDirectories(privateParent.resolve("binaries"));
        try (DirectoryStream<Path> unpackings = Files.newDirectoryStream(directory, "PG-*")) {
            for (Path unpacking : unpackings) {
                if (!Files.exists(unpacking.resolve(FINISHED_MARKER))) {
                    removeIfAbandoned(unpacking);
                }
            }
        }
        return directory;
    }

    /**
     * zonky cannot resume an unpacking that a killed JVM left half done: it fails on the files already there. An
     * unfinished unpacking whose lock nobody holds is such a leftover.
     */
    private static void removeIfAbandoned(Path unpacking) throws IOException {
        try (FileChannel lockFile = FileChannel.open(unpacking.resolve(UNPACKING_LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock != null) {
                deleteRecursively(unpacking);
            }
        } catch (OverlappingFileLockException e) {
            // Another thread of this JVM is unpacking it right now.
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(directory)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        }
        for (Path path : deepestFirst) {
            Files.deleteIfExists(path);
        }
    }
}
