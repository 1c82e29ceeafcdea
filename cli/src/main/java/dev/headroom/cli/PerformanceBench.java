package dev.headroom.cli;

import dev.headroom.localstack.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Issue #8's measurements in one run, one after the other on fresh local stacks: the pipeline's ceiling beside the
 * bare Kafka hop ({@link PipelineBench}), model-server saturation ({@link SaturationBench}), the scale run (the
 * pipeline bench at many variants) and the aggregator's freshness ({@link FreshnessBench}); then one table with the
 * machine, the commit and the command, printed and, with {@code --write-docs}, put into docs/benchmarks.md.
 */
@Command(name = "performance", mixinStandardHelpOptions = true,
        description = "Ceiling, saturation, scale and freshness in one run; one table, optionally written to docs/benchmarks.md.")
public class PerformanceBench implements Callable<Integer> {

    static final String BEGIN = "<!-- bench performance: begin (written by `headroom bench performance --write-docs`) -->";
    static final String END = "<!-- bench performance: end -->";

    @Spec
    CommandSpec spec;

    @Mixin
    MmluOption mmlu;

    @Option(names = "--ceiling-variants", defaultValue = "4", description = "Variants of the ceiling run (default ${DEFAULT-VALUE}).")
    int ceilingVariants;

    @Option(names = "--ceiling-items", defaultValue = "14042", description = "Test items of the ceiling run (default ${DEFAULT-VALUE}).")
    int ceilingItems;

    @Option(names = "--saturation-items", defaultValue = "14042", description = "Tasks of each saturation run (default ${DEFAULT-VALUE}).")
    int saturationItems;

    @Option(names = "--replicas", split = ",", defaultValue = "1,2,4", description = "Worker replica counts of the saturation runs (default ${DEFAULT-VALUE}).")
    List<Integer> replicas;

    @Option(names = "--scale-variants", defaultValue = "72", description = "Variants of the scale run, 0 to skip it (default ${DEFAULT-VALUE}: about 1,011,000 tasks).")
    int scaleVariants;

    @Option(names = "--scale-items", defaultValue = "14042", description = "Test items of the scale run (default ${DEFAULT-VALUE}).")
    int scaleItems;

    @Option(names = "--freshness-seconds", defaultValue = "30", description = "How long the freshness bench produces (default ${DEFAULT-VALUE}).")
    int freshnessSeconds;

    @Option(names = "--freshness-rate", defaultValue = "1000", description = "Scores per second of the freshness bench (default ${DEFAULT-VALUE}).")
    int freshnessRate;

    @Option(names = "--write-docs", description = "Put the table into docs/benchmarks.md, between its bench-performance markers.")
    boolean writeDocs;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path home = HeadroomHome.resolve();
        Machine machine = Machine.now(home);
        Instant started = Instant.now();

        PipelineBench.Result ceiling = pipeline(ceilingItems, ceilingVariants).measure(out);
        SaturationBench saturation = new SaturationBench();
        new CommandLine(saturation).parseArgs();
        saturation.mmlu = mmlu;
        saturation.items = saturationItems;
        saturation.replicaCounts = replicas;
        List<SaturationBench.Row> saturated = saturation.measure(out);
        PipelineBench.Result scale = scaleVariants == 0 ? null : pipeline(scaleItems, scaleVariants).measure(out);
        FreshnessBench freshnessBench = new FreshnessBench();
        new CommandLine(freshnessBench).parseArgs();
        freshnessBench.rate = freshnessRate;
        freshnessBench.seconds = freshnessSeconds;
        FreshnessBench.Result freshness = freshnessBench.measure(out);

        String table = markdown(machine, Machine.loadAverage(), started, ceiling, saturation.limit(), saturated, scale,
                freshness);
        out.println();
        out.println(table);
        if (writeDocs) {
            Path docs = home.resolve("docs/benchmarks.md");
            Files.writeString(docs, withSection(Files.readString(docs), table));
            out.println("written to " + docs);
        }
        return 0;
    }

    /** A pipeline bench as its command's defaults give it, but for these items and variants. */
    private PipelineBench pipeline(int items, int variants) {
        PipelineBench bench = new PipelineBench();
        new CommandLine(bench).parseArgs();
        bench.mmlu = mmlu;
        bench.items = items;
        bench.variants = variants;
        return bench;
    }

    private String markdown(Machine machine, String loadAtEnd, Instant started, PipelineBench.Result ceiling,
                            double limit, List<SaturationBench.Row> saturated, PipelineBench.Result scale,
                            FreshnessBench.Result freshness) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Measured %s (%.0f min) at commit %s on %s; load average %s at the start, %s at the end.%n",
                started.truncatedTo(ChronoUnit.MINUTES), (Instant.now().getEpochSecond() - started.getEpochSecond()) / 60.0,
                machine.commit(), machine.description(), machine.loadAtStart(), loadAtEnd));
        // the original arguments are the whole command line's, from "bench" on
        text.append(String.format("Command: `headroom %s`%n%n", String.join(" ",
                spec.commandLine().getParseResult().originalArgs())));
        text.append("| measurement | figure | goal |\n| --- | --- | --- |\n");
        row(text, "ceiling: scored tasks/s, 10%–90% of " + String.format("%,d", ceiling.tasks()) + " tasks",
                String.format("%,.0f", ceiling.progress().middleRate()), "≥ 5,000");
        row(text, "ceiling: bare Kafka hop, records/s", String.format("%,.0f", ceiling.bareRate()), "");
        row(text, "ceiling: ratio", String.format("%.3f", ceiling.ratio()), "≥ 0.5");
        for (SaturationBench.Row row : saturated) {
            row(text, String.format("saturation: %d replica(s) × concurrency %d, answered/s of the limit %.0f",
                    row.replicas(), row.concurrency(), limit),
                    String.format("%.1f (%.1f%%)", row.rate(), 100 * row.rate() / limit), "");
        }
        if (scale != null) {
            row(text, String.format("scale: %,d tasks, wall time submit to last score", scale.tasks()),
                    String.format("%.0f s (%,.0f tasks/s)", scale.progress().wallSeconds(),
                            scale.tasks() / scale.progress().wallSeconds()), "");
            row(text, "scale: Postgres database size", String.format("%,.0f MiB", scale.databaseBytes() / 1048576.0), "");
            scale.cpuSeconds().keySet().forEach(process -> row(text,
                    "scale: RSS of " + process + " at 10% / 50% / 100% (MiB)",
                    String.format("%d / %d / %d", scale.progress().rss().get(0).get(process),
                            scale.progress().rss().get(1).get(process), scale.progress().rss().get(2).get(process)),
                    "flat"));
        }
        FreshnessBench.Latencies all = freshness.all();
        row(text, String.format("freshness at %,.0f scores/s: produced to visible p50 / p99, all %,d scores",
                        freshness.producedPerSecond(), all.scores()),
                all.scores() == 0 ? "none visible" : String.format("%.0f / %.0f ms", all.p50(), all.p99()), "p99 ≤ 2 s");
        return text.toString();
    }

    private static void row(StringBuilder text, String measurement, String figure, String goal) {
        text.append("| ").append(measurement).append(" | ").append(figure).append(" | ").append(goal).append(" |\n");
    }

    /** The document with the table between its markers, or with markers and table appended when it has none. */
    static String withSection(String document, String table) {
        String section = BEGIN + "\n" + table + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return document + (document.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
        }
        return document.substring(0, begin) + section + document.substring(end + END.length());
    }

    /** What the figures were measured on. */
    record Machine(String description, String commit, String loadAtStart) {

        static Machine now(Path home) {
            String cpu = lines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
            String memory = lines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.format("%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0))
                    .findFirst().orElse("? GiB");
            return new Machine(String.format("%d cores (%s), %s", Runtime.getRuntime().availableProcessors(), cpu, memory),
                    commit(home), loadAverage());
        }

        /** The 1, 5 and 15 minute load averages. */
        static String loadAverage() {
            List<String> load = lines(Path.of("/proc/loadavg"));
            return load.isEmpty() ? "unknown" : String.join(", ", List.of(load.get(0).split(" ")).subList(0, 3));
        }

        private static String commit(Path home) {
            try {
                Process git = new ProcessBuilder("git", "-C", home.toString(), "describe", "--always", "--dirty")
                        .redirectErrorStream(true).start();
                String commit = new String(git.getInputStream().readAllBytes()).trim();
                return git.waitFor() == 0 ? commit : "unknown (not a git checkout)";
            } catch (IOException e) {
                return "unknown (no git)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        private static List<String> lines(Path file) {
            try {
                return Files.readAllLines(file);
            } catch (IOException e) {
                return new ArrayList<>();
            }
        }
    }
}
