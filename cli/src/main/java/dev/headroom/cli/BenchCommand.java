package dev.headroom.cli;

import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;

/** Measurements that take minutes and the whole machine: commands, never tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the local stack against the sim server (simulated models, not real ones).",
        subcommands = {SaturationBench.class, FaultBench.class, FreshnessBench.class, PipelineBench.class, ChaosBench.class})
public class BenchCommand {

    /** The --mmlu option, by default the shared MMLU beside the repository. */
    static Path mmluData(Path home, Path option) {
        Path data = option != null ? option : home.resolve("../shared/datasets/mmlu/data").normalize();
        if (!Files.isDirectory(data.resolve("test"))) {
            throw new IllegalArgumentException("--mmlu " + data + ": no test/ directory there");
        }
        return data;
    }
}
