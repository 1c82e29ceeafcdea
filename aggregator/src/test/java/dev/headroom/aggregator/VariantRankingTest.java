package dev.headroom.aggregator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class VariantRankingTest {

    private static List<RunStore.VariantRow> variants(int count) {
        return IntStream.range(0, count).mapToObj(v -> new RunStore.VariantRow("m", "id" + v, "v" + v, 100, v % 37, 0,
                (v % 37) / 100.0, null, null, Map.of())).toList();
    }

    @Test
    void atMostTwoKVariantsAreRankedHoweverManyThereAre() {
        for (int count : new int[]{1, 4, 6, 500}) {
            assertThat(VariantRanking.extremes(variants(count), 3)).hasSizeLessThanOrEqualTo(6);
        }
        assertThat(VariantRanking.extremes(variants(500), 3)).extracting(r -> r.variant().accuracy())
                .containsExactly(0.36, 0.36, 0.36, 0.0, 0.0, 0.0);
    }
}
