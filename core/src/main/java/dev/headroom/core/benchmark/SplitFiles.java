package dev.headroom.core.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finds a benchmark's files from its configured path, which is either one file or a directory holding them. */
final class SplitFiles {

    /** One file of a benchmark and the split its name says it holds. */
    record SplitFile(Path file, String split) {
    }

    private SplitFiles() {
    }

    /** The file itself, or the directory's files whose names match, sorted; at least one. */
    static List<Path> list(Path path, Predicate<String> nameMatches, String expected) {
        if (Files.isRegularFile(path)) {
            if (!nameMatches.test(path.getFileName().toString())) {
                throw new BenchmarkFormatException(path, "not a file name this format reads; expected " + expected);
            }
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new BenchmarkFormatException(path, "no such file or directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(path)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> nameMatches.test(file.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BenchmarkFormatException(path, "unreadable: " + e);
        }
        if (files.isEmpty()) {
            throw new BenchmarkFormatException(path, "no benchmark files here; expected " + expected);
        }
        return files;
    }

    /** The files by the split their names say, at most one per split. */
    static List<SplitFile> bySplit(Path path, Function<String, Optional<String>> splitOfName, String expected) {
        TreeMap<String, Path> bySplit = new TreeMap<>();
        for (Path file : list(path, name -> splitOfName.apply(name).isPresent(), expected)) {
            String split = splitOfName.apply(file.getFileName().toString()).orElseThrow();
            Path other = bySplit.put(split, file);
            if (other != null) {
                throw new BenchmarkFormatException(path, "both " + other.getFileName() + " and " + file.getFileName()
                        + " hold split '" + split + "'; keep one data set per directory");
            }
        }
        List<SplitFile> files = new ArrayList<>();
        bySplit.forEach((split, file) -> files.add(new SplitFile(file, split)));
        return files;
    }
}
