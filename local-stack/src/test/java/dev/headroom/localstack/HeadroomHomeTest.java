package dev.headroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadroomHomeTest {

    @TempDir
    Path dir;

    @Test
    void findsTheNearestDirectoryWithMvnwAndLocalStack() throws Exception {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve("local-stack"));
        Files.createFile(root.resolve("mvnw"));
        Path nested = Files.createDirectories(root.resolve("cli/target"));

        assertThat(HeadroomHome.findUpwards(nested)).contains(root);
    }

    @Test
    void findsNothingOutsideARepository() {
        assertThat(HeadroomHome.findUpwards(dir)).isEmpty();
    }
}
