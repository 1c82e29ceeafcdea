package dev.headroom.core.run;

import dev.headroom.core.SpecException;
import dev.headroom.core.TestItems;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.variant.LabelStyle;
import dev.headroom.core.variant.OptionOrder;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepSpecParserTest {

    private static final Path HERE = Path.of(".");

    private static SweepSpec parse(String yaml) {
        return SweepSpecParser.parse(yaml, HERE);
    }

    @Test
    void aListMixesPresetsFamiliesMappingsAndTemplateFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("templates.csv"), ",prompt template\n0,\"{question}\n{choices}\nAnswer:\"\n");

        SweepSpec sweep = SweepSpecParser.parse("""
                benchmarks: [mmlu]
                models: [m]
                variants:
                  - plain
                  - {base: helm, shots: 5}
                  - formatspread
                  - prompteval: templates.csv
                """, dir);

        assertThat(sweep.variants()).hasSize(2 + 144 - 1 + 1)
                .startsWith(Variant.PLAIN, VariantPresets.named("helm-5shot"));
        assertThat(sweep.variants().get(sweep.variants().size() - 1).template().name()).isEqualTo("prompteval-0");
    }

    @Test
    void aGridIsTheProductOfItsDimensionsLastVaryingFastest() {
        SweepSpec sweep = parse("""
                benchmarks: [mmlu]
                models: [m]
                variants:
                  grid:
                    base: plain-5shot
                    labels: [upper, number]
                    order: [original, reversed]
                """);

        Variant.Builder base = VariantPresets.named("plain-5shot").toBuilder();
        assertThat(sweep.variants()).containsExactly(
                base.labels(LabelStyle.UPPER).order(OptionOrder.ORIGINAL).build(),
                base.labels(LabelStyle.UPPER).order(OptionOrder.REVERSED).build(),
                base.labels(LabelStyle.NUMBER).order(OptionOrder.ORIGINAL).build(),
                base.labels(LabelStyle.NUMBER).order(OptionOrder.REVERSED).build());
    }

    @Test
    void aSampleIsASeededSubsetOfTheGridInGridOrder() {
        String grid = """
                benchmarks: [mmlu]
                models: [m]
                variants:
                  grid:
                    labels: [upper, lower, number, roman]
                    separator: [". ", ") ", ": "]
                  sample: {seed: %d, budget: 5}
                """;
        List<Variant> all = parse(grid.replace("  sample: {seed: %d, budget: 5}\n", "")).variants();

        List<Variant> sample = parse(grid.formatted(1)).variants();

        assertThat(sample).hasSize(5).isEqualTo(parse(grid.formatted(1)).variants())
                .isNotEqualTo(parse(grid.formatted(2)).variants())
                .isSortedAccordingTo((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
        assertThat(all).hasSize(12).containsAll(sample);
    }

    @Test
    void theSameSpecGivesTheSameTaskIdsInTheSameOrder() {
        String yaml = """
                id: sweep1
                benchmarks: [a, {name: b, split: val, subjects: [geo], limit: 3}]
                models: [m1, m2]
                variants: {grid: {labels: [upper, roman], shots: [0]}}
                """;
        List<Item> items = IntStream.range(0, 6).mapToObj(row -> TestItems.capitals(row, row % 4)).toList();

        List<RunSpec> runs = parse(yaml).runSpecs();

        assertThat(runs).extracting(RunSpec::id).containsExactly("sweep1-a", "sweep1-b");
        assertThat(runs.get(1)).extracting(RunSpec::split, RunSpec::subjects, RunSpec::limit)
                .containsExactly("val", List.of("geo"), 3);
        assertThat(taskIds(runs.get(0), items)).hasSize(6 * 2 * 2).isEqualTo(taskIds(parse(yaml).runSpecs().get(0), items));
    }

    @Test
    void aBudgetForEveryModelYieldsToAModelsOwn() {
        RunSpec run = parse("""
                benchmarks: [m]
                models: [a, {name: b, budget: {maxCalls: 500, targetIntervalWidth: 0.04}}]
                budget: {maxCalls: 2000}
                """).runSpecs().get(0);

        assertThat(run.models()).containsExactly("a", "b");
        assertThat(run.budgetOf("a")).isEqualTo(new Budget(2000, null, null));
        assertThat(run.budgetOf("b")).isEqualTo(new Budget(500, null, 0.04));
    }

    private static List<String> taskIds(RunSpec run, List<Item> items) {
        return RunPlanner.tasks(run.id(), run, items, Map.of()).map(PromptTask::header).map(h -> h.taskId()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{benchmarks: [m], models: [x], variants: {grid: {labels: [upper, lower, XX]}}}"
                    + "|variants.grid.labels[2]: unknown label style 'XX'; known: [upper, lower, number, roman, roman-lower]",
            "{benchmarks: [m], models: [x], variants: {grid: {lables: [upper]}}}"
                    + "|variants.grid.lables: unknown dimension 'lables'; known: [labels,",
            "{benchmarks: [m], modles: [x]}|modles: unknown key; known: [id, benchmarks, models, variants, budget]",
            "{benchmarks: [m], models: [{name: x, budget: {maxCalls: 0}}]}|models[0].budget.maxCalls: must be at least 1, got 0",
            "{benchmarks: [m], models: [x], budget: {maxCals: 10}}|budget.maxCals: unknown key; known: [maxCalls, maxCostUsd, targetIntervalWidth]",
            "{benchmarks: [m], models: [x], budget: {}}|budget: give at least one of maxCalls, maxCostUsd, targetIntervalWidth",
            "{benchmarks: [m], models: [x], budget: {targetIntervalWidth: 2}}|budget.targetIntervalWidth: must be between 0 and 1",
            "{benchmarks: [m]}|models: expected a list, found nothing",
            "{benchmarks: [m, {name: n, limit: ten}], models: [x]}|benchmarks[1].limit: expected a whole number, found 'ten'",
            "{benchmarks: [{name: n, limit: 0}], models: [x]}|benchmarks[0]: limit: must be at least 1, got 0",
            "{benchmarks: [m], models: [x], variants: [plain, fancy]}|variants[1]: unknown variant preset 'fancy'",
            "{benchmarks: [m], models: [x], variants: [{shots: -1}]}|variants[0].shots: must be 0 or more, got -1",
            "{benchmarks: [m], models: [x], variants: {list: [plain], grid: {shots: [1]}}}|variants: give either 'list' or 'grid'",
            "{benchmarks: [m], models: [x], variants: {grid: {shots: [1]}, sample: {budget: 0}}}|variants.sample.budget: must be at least 1, got 0",
            "{benchmarks: [m], models: [x], variants: [{prompteval: nowhere.csv}]}|variants[0].prompteval: no such file",
            "{benchmarks: [m], models: [x], variants: {grid: {template: ['{question} {choices}'], elicitation: [chain-of-thought]}}}"
                    + "|variants.grid: template"})
    void anInvalidSpecNamesTheKeyAndTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(SpecException.class).hasMessageStartingWith(message);
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThatThrownBy(() -> parse("models: [a\nbenchmarks: x\n")).hasMessage("line 2: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got :");
    }

    @Test
    void aFilesErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "benchmarks: [m]\nmodels: [x]\nvariants: {grid: {casing: [loud]}}\n");

        assertThatThrownBy(() -> SweepSpecParser.read(file))
                .hasMessageStartingWith(file + ": variants.grid.casing[0]: unknown casing 'loud'");
    }
}
