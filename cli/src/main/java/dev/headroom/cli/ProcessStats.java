package dev.headroom.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** CPU time and resident memory of the local stack's processes, read from Linux's /proc. */
final class ProcessStats {

    /** Linux reports CPU times in clock ticks of 1/100 s on every platform it runs on today (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** Resident memory in MiB; -1 when the process is gone. */
    static long residentMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * CPU seconds, user and system, of the process, of its children that have exited and of those still running:
     * a postmaster's work is done in its backends.
     */
    static double cpuSeconds(long pid) {
        List<String> own = statFields(Path.of("/proc", Long.toString(pid), "stat"));
        if (own.isEmpty()) {
            return Double.NaN;
        }
        long ticks = ticks(own, 13) + ticks(own, 14) + ticks(own, 15) + ticks(own, 16);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                List<String> fields = statFields(process.resolve("stat"));
                if (!fields.isEmpty() && Long.parseLong(fields.get(3)) == pid) {
                    ticks += ticks(fields, 13) + ticks(fields, 14);
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields of /proc/PID/stat, numbered from 0, with the command name (which may hold spaces) as one field. */
    private static List<String> statFields(Path stat) {
        try {
            String line = Files.readString(stat);
            int nameEnd = line.lastIndexOf(')');
            String pid = line.substring(0, line.indexOf(' '));
            String name = line.substring(line.indexOf('(') + 1, nameEnd);
            List<String> rest = List.of(line.substring(nameEnd + 2).trim().split(" "));
            return Stream.concat(Stream.of(pid, name), rest.stream()).toList();
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static long ticks(List<String> fields, int index) {
        return Long.parseLong(fields.get(index));
    }
}
