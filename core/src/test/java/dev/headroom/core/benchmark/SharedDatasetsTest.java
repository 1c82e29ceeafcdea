package dev.headroom.core.benchmark;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each loader against the real files in ../shared/datasets, with the counts its README verified. */
class SharedDatasetsTest {

    static final Path DATASETS = Path.of(System.getProperty("headroom.home", "..")).toAbsolutePath().normalize()
            .resolveSibling("shared/datasets");

    private static Path dataset(String relative) {
        Path path = DATASETS.resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), path + " is not beside this checkout");
        return path;
    }

    private static <K> Map<K, Long> countBy(List<Item> items, Function<Item, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Test
    void mmluHasItsPublishedCountsAndAnswerKey() {
        Benchmark mmlu = BenchmarkFormat.MMLU.open(dataset("mmlu/data"), "mmlu");

        List<Item> test = mmlu.items("test", Set.of());
        assertThat(test).hasSize(14042);
        assertThat(countBy(test, Item::answerIndex)).isEqualTo(Map.of(0, 3222L, 1, 3462L, 2, 3582L, 3, 3776L));
        assertThat(mmlu.items("val", Set.of())).hasSize(1531);
        assertThat(mmlu.items("dev", Set.of())).hasSize(285);
        assertThat(mmlu.splits()).containsExactly("dev", "test", "val");
        assertThat(mmlu.subjects("test")).hasSize(57).isEqualTo(mmlu.subjects("dev"));
        assertThat(mmlu.examples("anatomy")).hasSize(5).allSatisfy(item -> assertThat(item.split()).isEqualTo("dev"));
    }

    @Test
    void arcChallengeHasItsPublishedCountsWithBothLabelSchemes() {
        Benchmark arc = BenchmarkFormat.ARC.open(dataset("arc_challenge"), "arc-challenge");

        List<Item> test = arc.items("test", Set.of());
        assertThat(test).hasSize(1172);
        assertThat(countBy(test, item -> item.choices().size())).isEqualTo(Map.of(3, 4L, 4, 1165L, 5, 3L));
        assertThat(arc.items("dev", Set.of())).hasSize(299);
        assertThat(arc.examples(ArcLoader.SUBJECT)).hasSize(299);
        Item numericLabels = test.get(44);
        assertThat(numericLabels.id()).isEqualTo("arc-challenge/science/test/NYSEDREGENTS_2008_8_34");
        assertThat(numericLabels.choices().get(numericLabels.answerIndex()))
                .isEqualTo("Kinetic energy increases and potential energy decreases.");
    }

    @Test
    void commonsenseQaHasItsPublishedCountsAndNoFewShotSplit() {
        Benchmark csqa = BenchmarkFormat.COMMONSENSE_QA.open(dataset("commonsense_qa"), "csqa");

        List<Item> items = csqa.items(CommonsenseQaLoader.SPLIT, Set.of());
        assertThat(items).hasSize(1221).allSatisfy(item -> assertThat(item.choices()).hasSize(5));
        assertThat(countBy(items, Item::answerIndex)).isEqualTo(Map.of(0, 239L, 1, 255L, 2, 241L, 3, 251L, 4, 235L));
        assertThatThrownBy(() -> csqa.examples(CommonsenseQaLoader.SUBJECT))
                .isInstanceOf(NotInBenchmarkException.class).hasMessageContaining("'csqa' has no few-shot split");
    }

    @Test
    void truthfulQaMc1HasItsPublishedCountWithTheGoldNoLongerFirst() {
        Benchmark truthfulQa = BenchmarkFormat.TRUTHFULQA_MC1.open(dataset("truthfulqa/data/mc_task.json"), "tqa");

        List<Item> items = truthfulQa.items(TruthfulQaMc1Loader.SPLIT, Set.of());
        assertThat(items).hasSize(817);
        // in the file the gold is first in all 817; a fair shuffle leaves it first in about 182
        assertThat(items.stream().filter(item -> item.answerIndex() == 0).count()).isBetween(120L, 240L);
        assertThat(items.get(0).choices().get(items.get(0).answerIndex()))
                .isEqualTo("Nothing in particular happens when you eat a pomegranate.");
    }

    @Test
    void mmluProHasItsPublishedCountsAndTrustsTheAnswerLetter() {
        Benchmark mmluPro = BenchmarkFormat.MMLU_PRO.open(dataset("mmlu_pro"), "mmlu-pro");

        List<Item> items = mmluPro.items("test", Set.of());
        assertThat(items).hasSize(12032);
        assertThat(countBy(items, Item::subject)).hasSize(14)
                .containsEntry("math", 1351L).containsEntry("history", 381L).containsEntry("computer science", 410L);
        assertThat(countBy(items, item -> item.choices().size()))
                .containsEntry(10, 9982L).containsEntry(9, 801L).containsEntry(4, 607L).containsEntry(8, 320L);
        Item quirk = items.stream().filter(item -> item.id().equals("mmlu-pro/chemistry/test/3983")).findFirst().orElseThrow();
        assertThat(quirk.choices().get(quirk.answerIndex())).isEqualTo("N—H");
        assertThat(mmluPro.fewShotSplit()).isEmpty();
    }
}
