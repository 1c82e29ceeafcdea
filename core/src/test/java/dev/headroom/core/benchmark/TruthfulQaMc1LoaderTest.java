package dev.headroom.core.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TruthfulQaMc1LoaderTest {

    @TempDir
    Path dir;

    /** Questions with the true answer first, as in the real file: option {@code k} of question {@code q} is "q-k". */
    private Benchmark load(int questions, int options) throws IOException {
        String json = IntStream.range(0, questions).mapToObj(q -> "{\"question\": \"Q" + q + "?\", \"mc1_targets\": {"
                        + IntStream.range(0, options).mapToObj(k -> "\"" + q + "-" + k + "\": " + (k == 0 ? 1 : 0))
                        .collect(Collectors.joining(", ")) + "}}")
                .collect(Collectors.joining(",\n", "[\n", "\n]"));
        return TruthfulQaMc1Loader.read(Files.writeString(dir.resolve("mc_task.json"), json), "t");
    }

    @Test
    void shuffleIsAPermutationFixedByTheQuestionIndex() {
        assertThat(TruthfulQaMc1Loader.fileOrder(7, 5)).isEqualTo(TruthfulQaMc1Loader.fileOrder(7, 5))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(IntStream.range(0, 20).mapToObj(q -> TruthfulQaMc1Loader.fileOrder(q, 5)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void everyStoredOptionTracesBackToItsFilePositionAndIdsAreStable() throws IOException {
        List<Item> items = load(3, 6).items(TruthfulQaMc1Loader.SPLIT, Set.of());

        for (int q = 0; q < items.size(); q++) {
            Item item = items.get(q);
            List<Integer> fileOrder = TruthfulQaMc1Loader.fileOrder(q, 6);
            for (int stored = 0; stored < 6; stored++) {
                assertThat(item.choices().get(stored)).isEqualTo(q + "-" + fileOrder.get(stored));
            }
            assertThat(item.choices().get(item.answerIndex())).isEqualTo(q + "-0");
            assertThat(item.id()).isEqualTo("t/truthfulness/validation/" + q);
        }
        assertThat(load(3, 6).items(TruthfulQaMc1Loader.SPLIT, Set.of())).isEqualTo(items);
    }

    @Test
    void goldIsSpreadOverAllPositions() throws IOException {
        List<Item> items = load(400, 4).items(TruthfulQaMc1Loader.SPLIT, Set.of());

        Map<Integer, Long> goldPositions = items.stream().collect(Collectors.groupingBy(Item::answerIndex, Collectors.counting()));
        assertThat(goldPositions).containsOnlyKeys(0, 1, 2, 3)
                .allSatisfy((position, count) -> assertThat(count).isBetween(70L, 130L));
    }
}
