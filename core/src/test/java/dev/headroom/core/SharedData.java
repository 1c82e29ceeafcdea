package dev.headroom.core;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The staged public data sets beside the repository (../shared); tests that need them skip without them. */
public final class SharedData {

    private SharedData() {
    }

    /** The path under ../shared/datasets; skips the calling test when it is absent. */
    public static Path dataset(String relative) {
        Path path = Path.of(System.getProperty("headroom.home", ".")).resolve("../shared/datasets").resolve(relative)
                .normalize();
        Assumptions.assumeTrue(Files.exists(path), () -> path + " is not here: test skipped");
        return path;
    }
}
