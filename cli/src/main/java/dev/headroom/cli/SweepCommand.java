package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.SweepSpec;
import dev.headroom.core.run.SweepSpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Checks a sweep spec and prints the runs it expands to, ready to submit to the generator. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Check a sweep spec (YAML, see docs/sweep-spec.md) and print the run specs it expands to, "
                + "one JSON object per line, each ready for POST /runs on the generator.")
public class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The sweep spec.")
    Path file;

    @Override
    public Integer call() throws IOException {
        SweepSpec sweep = SweepSpecParser.read(file);
        ObjectMapper json = new ObjectMapper();
        for (RunSpec run : sweep.runSpecs()) {
            System.out.println(json.writeValueAsString(run));
        }
        System.err.printf("%s: %d run(s), %d variant(s), %d model(s)%n", file, sweep.benchmarks().size(),
                sweep.variants().size(), sweep.models().size());
        return 0;
    }
}
