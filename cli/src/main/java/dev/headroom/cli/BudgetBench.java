package dev.headroom.cli;

import dev.headroom.core.budget.AnswerGrid;
import dev.headroom.core.budget.BudgetEvaluation;
import dev.headroom.core.budget.BudgetEvaluation.Errors;
import dev.headroom.core.sim.SimGrid;
import dev.headroom.core.sim.SimModel;
import dev.headroom.core.sim.SimProfile;
import dev.headroom.core.sim.SimProfiles;
import dev.headroom.core.variant.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.headroom.localstack.HeadroomHome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * Budgeted elicitation against the full grid, in process (no stack): per seed and sim model of the ladder, every
 * item under each of 100 format variants answered by the sim, then the adaptive run, uniform sampling (raw means,
 * and the item-response model on the same sample) and the exhaustive run, each judged against the sim's truth.
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "Budgeted elicitation vs uniform sampling vs the full grid on the sim ladder (100 variants, known truth).")
public class BudgetBench implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "20", description = "Seeds: each a fresh item set and fresh format shifts (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--items", defaultValue = "1000", description = "Items per grid (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--budgets", defaultValue = "2,5,10,20,50", split = ",",
            description = "Budgets in percent of the full grid's calls (default ${DEFAULT-VALUE}).")
    List<Double> budgets;

    @Option(names = "--models", split = ",", description = "Sim profiles (default: the ladder without the probes).")
    List<String> models;

    @Option(names = "--replay", paramLabel = "CSV", description = "Per-item answers of several models (MMLU-Pro's "
            + "predictions_wide.csv layout), evaluated as one grid with the models as variants (default: the shared copy "
            + "beside the repository, left out when absent).")
    Path replay;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        List<SimProfile> ladder = models == null
                ? SimProfiles.all().stream().filter(profile -> !profile.type().equals("probe")).toList()
                : models.stream().map(SimProfiles::named).toList();
        List<Variant> variants = SimGrid.formatGrid();
        Map<String, List<Errors>> results = new LinkedHashMap<>();
        for (int seed = 0; seed < seeds; seed++) {
            for (SimProfile profile : ladder) {
                evaluate(SimGrid.answer(new SimModel(SimGrid.reseeded(profile, seed)),
                        SimGrid.syntheticItems(seed, items), variants), seed, true, results);
            }
            out.printf("seed %d of %d done%n", seed + 1, seeds);
        }
        out.printf("%d seeds x %d sim models (%s), %d items x %d variants; mean over the %d grids, in accuracy points%n",
                seeds, ladder.size(), String.join(", ", ladder.stream().map(SimProfile::name).toList()), items,
                variants.size(), seeds * ladder.size());
        print(results, out);

        Path answers = replay != null ? replay : HeadroomHome.resolve()
                .resolve("../shared/datasets/predictions/mmlu_pro_tiger_eval_results/predictions_wide.csv").normalize();
        if (replay == null && !Files.isRegularFile(answers)) {
            out.println("no replayed answers at " + answers + ": replay left out");
            return 0;
        }
        AnswerGrid replayed = ReplayedAnswers.read(answers);
        Map<String, List<Errors>> replayResults = new LinkedHashMap<>();
        for (int seed = 0; seed < seeds; seed++) {
            evaluate(replayed, seed, seed == 0, replayResults);
        }
        out.printf("replayed answers %s: %d items x %d models as variants; the adaptive run is deterministic, uniform "
                + "sampling is averaged over %d seeds; in accuracy points%n", answers.getFileName(),
                replayed.itemIds().size(), replayed.variantIds().size(), seeds);
        print(replayResults, out);
        return 0;
    }

    /**
     * Every method at every budget on one grid; uniform sampling drawn with the seed. The exhaustive and the adaptive
     * run depend on the grid alone: {@code deterministicToo} false leaves them out on a grid already evaluated.
     */
    private void evaluate(AnswerGrid grid, int seed, boolean deterministicToo, Map<String, List<Errors>> results) {
        int cells = grid.variantIds().size() * grid.itemIds().size();
        if (deterministicToo) {
            results.computeIfAbsent("exhaustive", k -> new ArrayList<>()).add(BudgetEvaluation.exhaustive(grid));
        }
        for (double budget : budgets) {
            int calls = (int) Math.round(budget / 100 * cells);
            if (deterministicToo) {
                results.computeIfAbsent(budget + "% adaptive", k -> new ArrayList<>()).add(BudgetEvaluation.adaptive(grid, calls));
            }
            results.computeIfAbsent(budget + "% uniform", k -> new ArrayList<>()).add(BudgetEvaluation.uniform(grid, calls, seed));
            results.computeIfAbsent(budget + "% uniform+IRM", k -> new ArrayList<>())
                    .add(BudgetEvaluation.uniformWithModel(grid, calls, seed));
        }
    }

    private static void print(Map<String, List<Errors>> results, PrintStream out) {
        out.println("| budget | method | calls | regret of the pick | held-out estimate error | q05 error | q50 error | q95 error |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        results.forEach((name, errors) -> {
            String[] parts = name.split(" ", 2);
            out.printf("| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    parts.length == 2 ? parts[0] : "100%", parts.length == 2 ? parts[1] : parts[0],
                    mean(errors, Errors::calls), points(errors, Errors::regret), points(errors, Errors::estimateError),
                    points(errors, Errors::q05), points(errors, Errors::q50), points(errors, Errors::q95));
        });
    }

    private static double points(List<Errors> errors, ToDoubleFunction<Errors> error) {
        return 100 * mean(errors, error);
    }

    private static double mean(List<Errors> errors, ToDoubleFunction<Errors> error) {
        return errors.stream().mapToDouble(error).average().orElse(Double.NaN);
    }
}
