package dev.headroom.core.run;

import dev.headroom.core.TestItems;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RunPlannerTest {

    private final List<Item> items = IntStream.range(0, 30).mapToObj(row -> TestItems.capitals(row, row % 4)).toList();
    private final RunSpec spec = new RunSpec("r1", "test", null, null, null,
            List.of(Variant.PLAIN, VariantPresets.named("numbers-reversed")), List.of("m1", "m2"));

    @Test
    void oneTaskPerItemVariantAndModelWithDistinctIds() {
        List<PromptTask> tasks = RunPlanner.tasks("r1", spec, items, Map.of()).toList();

        assertThat(tasks).hasSize(30 * 2 * 2);
        assertThat(tasks.stream().map(t -> t.header().taskId()).distinct()).hasSize(tasks.size());
    }

    @Test
    void sameRunSameTasksInTheSameOrder() {
        assertThat(RunPlanner.tasks("r1", spec, items, Map.of()).toList())
                .isEqualTo(RunPlanner.tasks("r1", spec, items, Map.of()).toList());
    }

    @Test
    void limitTakesAFixedSampleKeptInFileOrder() {
        List<Item> sample = RunPlanner.select(items, 10);

        assertThat(sample).hasSize(10).isEqualTo(RunPlanner.select(items, 10)).isSortedAccordingTo(
                (a, b) -> Integer.compare(items.indexOf(a), items.indexOf(b)));
        assertThat(sample).isNotEqualTo(items.subList(0, 10));
    }

    @Test
    void invalidSpecNamesEachBadKey() {
        RunSpec bad = new RunSpec("has space", " ", null, null, 0, null, List.of("ok", "no/slash"));

        assertThat(bad.problems()).anyMatch(p -> p.startsWith("benchmark:"))
                .anyMatch(p -> p.startsWith("limit:"))
                .anyMatch(p -> p.startsWith("id:"))
                .anyMatch(p -> p.contains("no/slash"));
    }

    @Test
    void aBudgetForAModelTheRunDoesNotAskIsAProblem() {
        RunSpec spec = new RunSpec("r", "b", null, null, null, null, List.of("a"),
                Map.of("a", new Budget(10, null, null), "stranger", new Budget(10, null, null)));

        assertThat(spec.problems()).containsExactly("budgets.stranger: not one of the run's models [a]");
    }

    @Test
    void aSpecWithoutBudgetsSerialisesAsBefore() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(new RunSpec("r", "b", null, null, null, null, List.of("a")));

        assertThat(json).doesNotContain("budgets");
    }
}
