package dev.headroom.cli;

import picocli.CommandLine.Command;

/** Measurements that take minutes and the whole machine: commands, never tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the local stack against the sim server, and of the statistics on sim models (simulated, not real ones).",
        subcommands = {SaturationBench.class, FaultBench.class, FreshnessBench.class, PipelineBench.class, ChaosBench.class,
                PerformanceBench.class, BudgetBench.class})
public class BenchCommand {
}
