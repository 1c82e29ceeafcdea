package dev.headroom.cli;

import dev.headroom.core.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.concurrent.Callable;

/** A run's live progress per model. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a run's progress per model until it is complete: done / total, rate, time left, "
                + "dead-lettered tasks (given up on after retries) and their reasons, a model whose tasks failed to "
                + "publish.")
public class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Option(names = "--once", description = "Print the progress once and exit, complete or not.")
    boolean once;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "86400",
            description = "Stop watching after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Mixin
    Deployment deployment;

    @Override
    public Integer call() {
        HeadroomClient client = deployment.client();
        if (once) {
            System.out.print(new RunProgress(Instant.now()).lines(client.status(runId), Instant.now()));
        } else {
            RunProgress.await(client, runId, Instant.now().plusSeconds(timeoutSeconds), System.out,
                    System.console() != null);
        }
        RunSummary summary = client.summary(runId);
        for (RunSummary.DeadLetters dead : summary.deadLetters()) {
            System.out.printf("  dead-lettered %s: %d task(s): %s%n", dead.model(), dead.tasks(), dead.reason());
        }
        return 0;
    }
}
