package dev.headroom.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the root of the Headroom repository, where the modules' build outputs live. */
public final class HeadroomHome {

    public static final String PROPERTY = "headroom.home";
    public static final String ENVIRONMENT_VARIABLE = "HEADROOM_HOME";

    private HeadroomHome() {
    }

    /**
     * The system property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT_VARIABLE}, else the
     * nearest directory at or above the current one that holds both {@code mvnw} and {@code local-stack/}.
     */
    public static Path resolve() {
        String configured = System.getProperty(PROPERTY);
        if (isBlank(configured)) {
            configured = System.getenv(ENVIRONMENT_VARIABLE);
        }
        if (!isBlank(configured)) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path currentDir = Path.of("").toAbsolutePath();
        return findUpwards(currentDir).orElseThrow(() -> new IllegalStateException(
                "Cannot find the Headroom repository root from " + currentDir + ": set -D" + PROPERTY + " or "
                        + ENVIRONMENT_VARIABLE));
    }

    static Optional<Path> findUpwards(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
