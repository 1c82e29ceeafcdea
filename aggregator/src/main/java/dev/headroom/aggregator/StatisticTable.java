package dev.headroom.aggregator;

import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.Interval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report's statistics as named rows, for CSV and for the {@code statistic} label of
 * {@code headroom_elicitation_score}: the names of docs/metrics.md, then the rest of docs/statistics.md.
 * A statistic the report could not compute (no plain variant, say) is left out.
 */
final class StatisticTable {

    private StatisticTable() {
    }

    static Map<String, Interval> rows(ElicitationReport report) {
        Map<String, Interval> rows = new LinkedHashMap<>();
        put(rows, "plain", report.plain());
        put(rows, "heldout_best", report.heldOutBest());
        put(rows, "maxp", report.maxP());
        put(rows, "avgp", report.avgP());
        put(rows, "min", report.min());
        put(rows, "spread", report.spread());
        put(rows, "majority_vote", report.majorityVote());
        put(rows, "oracle", report.oracle());
        put(rows, "unparsed_rate", report.unparsedRate());
        put(rows, "gap", report.elicitationGap());
        put(rows, "ratio", report.elicitationRatio());
        put(rows, "maxp_optimism", report.maxPOptimism());
        put(rows, "p5", report.quantiles().p5());
        put(rows, "p25", report.quantiles().p25());
        put(rows, "p50", report.quantiles().p50());
        put(rows, "p75", report.quantiles().p75());
        put(rows, "p95", report.quantiles().p95());
        put(rows, "standard_deviation", report.standardDeviation());
        put(rows, "cps", report.cps());
        put(rows, "pss", report.pss());
        put(rows, "majority_minus_maxp", report.majorityMinusMaxP());
        put(rows, "all_correct", report.allCorrect());
        put(rows, "rstd", report.labelBias().rStd());
        report.marginals().forEach((dimension, byValue) -> byValue.forEach((value, mean) ->
                put(rows, "marginal:" + dimension + "=" + value, mean)));
        return rows;
    }

    private static void put(Map<String, Interval> rows, String name, Interval value) {
        if (value != null) {
            rows.put(name, value);
        }
    }
}
