package dev.headroom.aggregator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The best and the worst k variants of one (run, model): the only variants that get their own metric series. */
final class VariantRanking {

    enum Rank { TOP, BOTTOM }

    record Ranked(RunStore.VariantRow variant, Rank rank) {
    }

    private VariantRanking() {
    }

    /**
     * The k most accurate (ties: variant name) as TOP and the k least accurate as BOTTOM; a variant among both when
     * there are fewer than 2k appears under each rank. At most 2k entries, whatever the number of variants.
     */
    static List<Ranked> extremes(List<RunStore.VariantRow> variants, int k) {
        Comparator<RunStore.VariantRow> byAccuracy = Comparator.comparingDouble(RunStore.VariantRow::accuracy)
                .thenComparing(RunStore.VariantRow::variantName);
        List<Ranked> ranked = new ArrayList<>();
        variants.stream().sorted(byAccuracy.reversed()).limit(k).forEach(v -> ranked.add(new Ranked(v, Rank.TOP)));
        variants.stream().sorted(byAccuracy).limit(k).forEach(v -> ranked.add(new Ranked(v, Rank.BOTTOM)));
        return ranked;
    }
}
