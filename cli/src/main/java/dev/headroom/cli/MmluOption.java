package dev.headroom.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The benches' --mmlu option: MMLU in its original layout, by default the shared copy beside the repository. */
final class MmluOption {

    @Option(names = "--mmlu", paramLabel = "DIR", description = "MMLU in its original layout (default: ../shared/datasets/mmlu/data).")
    Path mmlu;

    /** The MMLU directory; a user mistake (one line) when it has no test split. */
    Path data(Path home) {
        Path data = mmlu != null ? mmlu : home.resolve("../shared/datasets/mmlu/data").normalize();
        if (!Files.isDirectory(data.resolve("test"))) {
            throw new IllegalArgumentException("--mmlu " + data + ": no test/ directory there");
        }
        return data;
    }
}
