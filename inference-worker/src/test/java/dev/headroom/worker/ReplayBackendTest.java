package dev.headroom.worker;

import dev.headroom.core.benchmark.BenchmarkFormat;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.replay.RecordedAnswers;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.scoring.Scorer;
import dev.headroom.core.variant.LabelStyle;
import dev.headroom.core.variant.OptionOrder;
import dev.headroom.core.variant.Variant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayBackendTest {

    private static final Path DATASETS = Path.of(System.getProperty("headroom.home", "..")).resolveSibling("shared/datasets");
    private static final Path PREDICTIONS = DATASETS.resolve("predictions/mmlu_pro_tiger_eval_results/predictions_wide.csv");
    private static final Variant REVERSED_NUMBERS = Variant.builder().labels(LabelStyle.NUMBER).order(OptionOrder.REVERSED).build();

    @TempDir
    Path dir;

    private static List<PromptTask> tasks(String model, List<Item> items, Variant variant) {
        RunSpec spec = new RunSpec("replay", "mmlu-pro", null, null, null, List.of(variant), List.of(model));
        return RunPlanner.tasks("replay", spec, items, Map.of()).toList();
    }

    @Test
    void showsTheRecordedOptionUnderTheVariantsLabelAndRefusesAnAbsentItem() throws IOException {
        Path csv = Files.writeString(dir.resolve("p.csv"), "question_id,m\n0,B\n1,MISSING\n");
        ReplayBackend backend = new ReplayBackend(RecordedAnswers.read(csv, "question_id", "m"), "p.csv");
        List<Item> items = List.of(new Item("b/s/test/0", "b", "s", "test", "q", List.of("w", "x", "y", "z"), 1),
                new Item("b/s/test/1", "b", "s", "test", "q", List.of("w", "x", "y", "z"), 1));
        List<PromptTask> reversed = tasks("m", items, REVERSED_NUMBERS);

        // original B is presented third under reversed order: label "3"
        assertThat(backend.complete(reversed.get(0)).text()).isEqualTo("3");
        assertThatThrownBy(() -> backend.complete(reversed.get(1))).hasMessageContaining("no recorded answer for item b/s/test/1");
    }

    @Test
    void replayingAll29MmluProModelsScoresExactlyTheirPublishedAccuracyUnderAnyOptionOrder() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PREDICTIONS), "../shared is not beside this checkout");
        List<Item> items = BenchmarkFormat.MMLU_PRO.open(DATASETS.resolve("mmlu_pro"), "mmlu-pro").items("test", Set.of());
        List<CSVRecord> rows;
        List<String> models;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(PREDICTIONS))) {
            models = parser.getHeaderNames().subList(4, parser.getHeaderNames().size());
            rows = parser.getRecords();
        }
        assertThat(models).hasSize(29);
        for (String model : models) {
            long present = rows.stream().filter(r -> !r.get(model).equals(RecordedAnswers.ABSENT)).count();
            long correct = rows.stream().filter(r -> r.get(model).equals(r.get("answer"))).count();
            ReplayBackend backend = new ReplayBackend(RecordedAnswers.read(PREDICTIONS, "question_id", model), model);
            for (Variant variant : List.of(Variant.PLAIN, REVERSED_NUMBERS)) {
                long scored = 0;
                long scoredCorrect = 0;
                for (PromptTask task : tasks(model, items, variant)) {
                    try {
                        scoredCorrect += Scorer.score(backend.complete(task)).outcome() == Outcome.CORRECT ? 1 : 0;
                        scored++;
                    } catch (IllegalStateException absent) {
                        // an item missing from the model's published run: the worker dead-letters it
                    }
                }
                assertThat(scored).as(model + " " + variant.name() + " scored").isEqualTo(present);
                assertThat(scoredCorrect).as(model + " " + variant.name() + " correct").isEqualTo(correct);
            }
        }
    }
}
