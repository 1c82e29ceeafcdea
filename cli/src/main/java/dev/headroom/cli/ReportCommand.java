package dev.headroom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes a run's report as HTML (charts) and Markdown (tables). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a run's report from a running deployment: RUN.html (one self-contained page with charts) "
                + "and RUN.md (the tables) in DIR.")
public class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory (default: the current one).")
    Path out;

    @Mixin
    Deployment deployment;

    @Override
    public Integer call() throws IOException {
        for (Path file : ReportFiles.write(deployment.client(), runId, out)) {
            System.out.println(file);
        }
        return 0;
    }
}
