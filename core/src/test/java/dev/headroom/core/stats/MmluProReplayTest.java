package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A replay of the 29 real models' answers to MMLU-Pro (one prompt: 5-shot chain of thought; ../shared/datasets
 * README). Gold is the {@code answer} column (newest revision); NONE is an answer that named no option (unparsed),
 * MISSING an item absent from that model's run. Every expected figure here is counted straight from the CSV.
 */
class MmluProReplayTest {

    private static final Path CSV = Path.of(System.getProperty("headroom.home", ".."))
            .resolve("../shared/datasets/predictions/mmlu_pro_tiger_eval_results/predictions_wide.csv")
            .toAbsolutePath().normalize();
    private static final String PROMPT = "5shot-cot";

    private static List<String> models;
    private static List<CSVRecord> rows;

    @BeforeAll
    static void readCsv() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CSV), "the shared MMLU-Pro predictions are not at " + CSV);
        try (Reader reader = Files.newBufferedReader(CSV);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
            rows = parser.getRecords();
            models = parser.getHeaderNames().subList(4, parser.getHeaderNames().size());
        }
    }

    @Test
    void eachModelsSinglePromptAccuracyEqualsAStraightCount() {
        List<Double> accuracies = new ArrayList<>();
        for (String model : models) {
            int present = 0;
            int correct = 0;
            for (CSVRecord row : rows) {
                String answer = row.get(model);
                present += answer.equals("MISSING") ? 0 : 1;
                correct += answer.equals(row.get("answer")) ? 1 : 0;
            }
            ElicitationReport report = ElicitationAnalysis.report(model, tasks(model, model), settings(model, 0));

            double counted = correct / (double) present;
            accuracies.add(counted);
            assertThat(report.items()).as(model).isEqualTo(present);
            assertThat(report.plain().estimate()).as(model).isCloseTo(counted, within(1e-12));
            // one prompt: best, held-out best and mean are all that prompt; nothing varies
            assertThat(report.maxP().estimate()).as(model).isCloseTo(counted, within(1e-12));
            assertThat(report.heldOutBest().estimate()).as(model).isCloseTo(counted, within(1e-12));
            assertThat(report.elicitationGap().estimate()).as(model).isCloseTo(0, within(1e-12));
            assertThat(report.spread().estimate()).as(model).isZero();
            assertThat(report.pss()).as(model).isNull();
        }
        System.out.printf("MMLU-Pro replay: %d models, accuracy %.4f to %.4f%n", models.size(),
                accuracies.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                accuracies.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(models).hasSize(29);
    }

    @Test
    void perCategoryAccuracyEqualsAStraightCount() {
        String model = "Meta-Llama-3-70B_5shots";
        Map<String, int[]> counted = new HashMap<>();
        for (CSVRecord row : rows) {
            int[] tally = counted.computeIfAbsent(row.get("category"), c -> new int[2]);
            tally[0] += row.get(model).equals("MISSING") ? 0 : 1;
            tally[1] += row.get(model).equals(row.get("answer")) ? 1 : 0;
        }

        ModelAnalysis analysis = ElicitationAnalysis.analyse(tasks(model, model), settings(model, 0));

        assertThat(analysis.bySubject()).hasSize(14);
        counted.forEach((category, tally) -> assertThat(analysis.bySubject().get("mmlu_pro/" + category).plain().estimate())
                .as(category).isCloseTo(tally[1] / (double) tally[0], within(1e-12)));
    }

    @Test
    void theBootstrapIntervalOfAnAccuracyIsAboutTheBinomialOne() {
        String model = "Meta-Llama-3-8B_5shots";
        ElicitationReport report = ElicitationAnalysis.report(model, tasks(model, model), settings(model, 300));

        Interval plain = report.plain();
        double binomialHalfWidth = 1.96 * Math.sqrt(plain.estimate() * (1 - plain.estimate()) / report.items());
        assertThat(plain.low()).isCloseTo(plain.estimate() - binomialHalfWidth, within(0.2 * binomialHalfWidth));
        assertThat(plain.high()).isCloseTo(plain.estimate() + binomialHalfWidth, within(0.2 * binomialHalfWidth));
    }

    /**
     * An exercise of the cross-variant statistics at scale, NOT a multi-prompt measurement: the 29 models' answers
     * are taken as 29 "variants" of one pseudo-model. Expected figures are counted straight from the CSV.
     */
    @Test
    void exerciseAtScaleWithThe29ModelsAsVariantsOfOnePseudoModelNotARealMultiPromptDataset() {
        List<ScoredTask> tasks = new ArrayList<>();
        models.forEach(model -> tasks.addAll(tasks(model, "pseudo")));
        double[] accuracy = new double[models.size()];
        double disagreement = 0;
        int someCorrect = 0;
        int allCorrect = 0;
        int majorityClear = 0;
        int majorityTiedWithGold = 0;
        for (CSVRecord row : rows) {
            List<Boolean> right = new ArrayList<>();
            Map<String, Integer> votes = new HashMap<>();
            for (String model : models) {
                String answer = row.get(model);
                if (!answer.equals("MISSING")) {
                    right.add(answer.equals(row.get("answer")));
                    if (!answer.equals("NONE")) {
                        votes.merge(answer, 1, Integer::sum);
                    }
                }
            }
            int n = right.size();
            int pairs = 0;
            int disagreeing = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    pairs++;
                    disagreeing += right.get(i).equals(right.get(j)) ? 0 : 1;
                }
            }
            disagreement += disagreeing / (double) pairs;
            someCorrect += right.contains(true) ? 1 : 0;
            allCorrect += right.contains(false) ? 0 : 1;
            int most = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            long leaders = votes.values().stream().filter(count -> count == most).count();
            boolean goldLeads = votes.getOrDefault(row.get("answer"), -1) == most;
            majorityClear += goldLeads && leaders == 1 ? 1 : 0;
            majorityTiedWithGold += goldLeads && leaders > 1 ? 1 : 0;
        }
        for (int m = 0; m < models.size(); m++) {
            String model = models.get(m);
            long present = rows.stream().filter(row -> !row.get(model).equals("MISSING")).count();
            long correct = rows.stream().filter(row -> row.get(model).equals(row.get("answer"))).count();
            accuracy[m] = correct / (double) present;
        }
        int items = rows.size();

        ElicitationReport report = ElicitationAnalysis.report("pseudo", tasks, settings(null, 200));

        double max = java.util.Arrays.stream(accuracy).max().orElseThrow();
        double mean = java.util.Arrays.stream(accuracy).average().orElseThrow();
        assertThat(report.variants()).isEqualTo(29);
        assertThat(report.maxP().estimate()).isCloseTo(max, within(1e-12));
        assertThat(report.avgP().estimate()).isCloseTo(mean, within(1e-12));
        assertThat(report.cps().estimate()).isCloseTo((1 - (max - mean)) * max, within(1e-12));
        assertThat(report.pss().estimate()).isCloseTo(disagreement / items, within(1e-12));
        assertThat(report.oracle().estimate()).isCloseTo(someCorrect / (double) items, within(1e-12));
        assertThat(report.allCorrect().estimate()).isCloseTo(allCorrect / (double) items, within(1e-12));
        // ties are broken by a hash; the straight count bounds the majority's accuracy from both sides
        assertThat(report.majorityVote().estimate()).isBetween(majorityClear / (double) items,
                (majorityClear + majorityTiedWithGold) / (double) items);
        assertThat(report.heldOutBest().estimate()).isBetween(report.min().estimate(), max);
        assertThat(report.maxP().low()).isLessThan(max);
        System.out.printf("MMLU-Pro exercise (29 models as variants): MaxP %.4f, held-out best %.4f, AvgP %.4f, "
                        + "CPS %.4f, PSS %.4f, majority %.4f, oracle %.4f, all-correct %.4f, RStd %.4f%n",
                max, report.heldOutBest().estimate(), mean, report.cps().estimate(), report.pss().estimate(),
                report.majorityVote().estimate(), report.oracle().estimate(), report.allCorrect().estimate(),
                report.labelBias().rStd().estimate());
    }

    private static AnalysisSettings settings(String plainVariant, int resamples) {
        return new AnalysisSettings(plainVariant == null ? null : PROMPT, resamples, 20240917L);
    }

    /** One model's answers as rows; {@code variant} names the variant they stand for. */
    private static List<ScoredTask> tasks(String model, String asModel) {
        String variant = asModel.equals(model) ? PROMPT : model;
        List<ScoredTask> tasks = new ArrayList<>();
        for (CSVRecord row : rows) {
            String answer = row.get(model);
            if (answer.equals("MISSING")) {
                continue;
            }
            int gold = row.get("answer").charAt(0) - 'A';
            Integer chosen = answer.equals("NONE") ? null : answer.charAt(0) - 'A';
            Outcome outcome = chosen == null ? Outcome.UNPARSED : chosen == gold ? Outcome.CORRECT : Outcome.INCORRECT;
            tasks.add(new ScoredTask("mmlu_pro", row.get("category"), row.get("question_id"), variant,
                    Map.of("model", model), outcome, chosen, gold, chosen, gold, chosen == null ? null : answer, null));
        }
        return tasks;
    }
}
