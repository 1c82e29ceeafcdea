package dev.headroom.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The classpath of the test JVM, for the JVMs that the tests start. */
final class TestClasspath {

    private TestClasspath() {
    }

    static List<Path> entries() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
    }
}
