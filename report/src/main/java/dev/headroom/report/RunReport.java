package dev.headroom.report;

import dev.headroom.core.message.ModelCard;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.ModelAnalysis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run's report shows, as the aggregator already computed it: nothing here is recomputed.
 *
 * @param summary per model and variant counts, with the variants' names and the dead letters
 * @param models  every model's analysis (core's {@code ElicitationAnalysis}), by model name
 * @param cards   the announced model cards, by model name; a model without one has no size or type
 * @param trends  the gap and the spread against size and type
 */
public record RunReport(String runId, long tasks, RunSummary summary, Map<String, ModelAnalysis> models,
                        Map<String, ModelCard> cards, List<Trend> trends) {

    public RunReport {
        models = new TreeMap<>(models);
        cards = Map.copyOf(cards);
        trends = List.copyOf(trends);
    }

    /** The readable name of a variant of a model, from the summary; the id's first 8 characters when it has none. */
    public String variantName(String model, String variantId) {
        return summary.rows().stream()
                .filter(row -> row.model().equals(model) && row.variantId().equals(variantId))
                .map(RunSummary.Row::variantName)
                .findFirst()
                .orElse(variantId == null ? "" : variantId.substring(0, Math.min(8, variantId.length())));
    }

    /** The model's type from its card, "unknown" without one. */
    public String type(String model) {
        ModelCard card = cards.get(model);
        return card == null || card.type() == null ? "unknown" : card.type();
    }

    public ElicitationReport overall(String model) {
        return models.get(model).overall();
    }
}
