package dev.headroom.core.benchmark;

import java.nio.file.Path;

/** A benchmark file that cannot be read as its format says; names the file, the line and the problem. */
public class BenchmarkFormatException extends RuntimeException {

    public BenchmarkFormatException(Path file, long line, String problem) {
        super(file + ", line " + line + ": " + problem);
    }

    public BenchmarkFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
