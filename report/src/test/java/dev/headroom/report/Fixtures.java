package dev.headroom.report;

import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.AnalysisSettings;
import dev.headroom.core.stats.ElicitationAnalysis;
import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.ModelAnalysis;
import dev.headroom.core.stats.ModelPoint;
import dev.headroom.core.stats.ScoredTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-made run: two models, three variants ({@code plain}, {@code lower}, {@code reversed}, differing in labels
 * and order), eight items in two subjects. Model {@code small} is right on plain for items 0-3, on lower for even
 * items, on reversed for items 0-5; model {@code large} is right everywhere but item 7 on plain, which is unparsed.
 */
final class Fixtures {

    static final AnalysisSettings SETTINGS = new AnalysisSettings("plain", 50, 20240917L);
    static final Map<String, Map<String, String>> VARIANTS = Map.of(
            "plain", Map.of("labels", "UPPER", "order", "original"),
            "lower", Map.of("labels", "LOWER", "order", "original"),
            "reversed", Map.of("labels", "UPPER", "order", "reversed"));

    private Fixtures() {
    }

    static RunReport run() {
        Map<String, List<ScoredTask>> tasks = new TreeMap<>();
        for (int item = 0; item < 8; item++) {
            int i = item;
            add(tasks, "small", item, "plain", i < 4);
            add(tasks, "small", item, "lower", i % 2 == 0);
            add(tasks, "small", item, "reversed", i < 6);
            add(tasks, "large", item, "plain", i == 7 ? null : true);
            add(tasks, "large", item, "lower", true);
            add(tasks, "large", item, "reversed", true);
        }
        Map<String, ModelAnalysis> models = new TreeMap<>();
        tasks.forEach((model, rows) -> models.put(model, ElicitationAnalysis.analyse(rows, SETTINGS)));
        List<RunSummary.Row> rows = new ArrayList<>();
        models.forEach((model, analysis) -> analysis.overall().perVariant().forEach(v -> rows.add(new RunSummary.Row(
                model, v.variantId(), v.variantId() + "-name", v.items(), v.correct(), v.unparsed(),
                v.accuracy().estimate()))));
        RunSummary summary = new RunSummary("run-1", rows, List.of(new RunSummary.DeadLetters("small", "timeout", 2)),
                List.of());
        Map<String, ModelCard> cards = Map.of(
                "small", new ModelCard(1, "small", "sim", "sim", 1e9, "base", 4, null, null),
                "large", new ModelCard(1, "large", "sim", "sim", 7e9, "instruct", 4, null, null));
        List<Trend> trends = List.of(trend("gap", models, cards, ElicitationReport::elicitationGap),
                trend("spread", models, cards, ElicitationReport::spread));
        return new RunReport("run-1", 48, summary, models, cards, trends);
    }

    private static Trend trend(String statistic, Map<String, ModelAnalysis> models, Map<String, ModelCard> cards,
                               java.util.function.Function<ElicitationReport, Interval> value) {
        List<ModelPoint> points = new ArrayList<>();
        models.forEach((model, analysis) -> points.add(new ModelPoint(model, cards.get(model).parameterCount(),
                cards.get(model).type(), value.apply(analysis.overall()).estimate())));
        return new Trend(statistic, points, Map.of(), null, "a trend with 3 coefficients needs more than 3 models, got 2");
    }

    /** @param correct null for an unparsed answer */
    private static void add(Map<String, List<ScoredTask>> tasks, String model, int item, String variant,
                            Boolean correct) {
        int gold = item % 4;
        Integer chosen = correct == null ? null : correct ? gold : (gold + 1) % 4;
        Outcome outcome = correct == null ? Outcome.UNPARSED : correct ? Outcome.CORRECT : Outcome.INCORRECT;
        String subject = item < 4 ? "geography" : "history";
        tasks.computeIfAbsent(model, m -> new ArrayList<>()).add(new ScoredTask("t", subject,
                "t/" + subject + "/test/" + item, variant, VARIANTS.get(variant), outcome, chosen, gold, chosen, gold,
                chosen == null ? null : String.valueOf((char) ('A' + chosen)), null));
    }
}
