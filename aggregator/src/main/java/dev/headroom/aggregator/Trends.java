package dev.headroom.aggregator;

import dev.headroom.core.message.ModelCard;
import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.ModelAnalysis;
import dev.headroom.core.stats.ModelPoint;
import dev.headroom.core.stats.ModelTrend;
import dev.headroom.report.Trend;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The elicitation gap and the spread of a run's models against their size and type ({@link ModelTrend}). */
final class Trends {

    /** Each statistic's value per model: the estimate of its report over everything the model answered. */
    private static final Map<String, Function<ElicitationReport, Interval>> STATISTICS = new LinkedHashMap<>();

    static {
        STATISTICS.put("gap", ElicitationReport::elicitationGap);
        STATISTICS.put("spread", ElicitationReport::spread);
    }

    record RunTrends(String runId, List<Trend> trends) {
    }

    private Trends() {
    }

    static RunTrends of(RunStatistics.Analysed run, Map<String, ModelCard> cards) {
        List<Trend> trends = new ArrayList<>();
        STATISTICS.forEach((statistic, value) -> trends.add(trend(statistic, value, run.models(), cards)));
        return new RunTrends(run.runId(), trends);
    }

    private static Trend trend(String statistic, Function<ElicitationReport, Interval> value,
                               Map<String, ModelAnalysis> models, Map<String, ModelCard> cards) {
        List<ModelPoint> points = new ArrayList<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        models.forEach((model, analysis) -> {
            ModelCard card = cards.get(model);
            Interval interval = value.apply(analysis.overall());
            if (card == null) {
                excluded.put(model, "no model card announced");
            } else if (!(card.parameterCount() > 0)) {
                excluded.put(model, "parameter count unknown");
            } else if (interval == null || !Double.isFinite(interval.estimate())) {
                excluded.put(model, "no " + statistic + " (no plain variant, or one variant only)");
            } else {
                points.add(new ModelPoint(model, card.parameterCount(), card.type(), interval.estimate()));
            }
        });
        try {
            ModelTrend.Fit fit = ModelTrend.fit(points);
            return new Trend(statistic, points, excluded, new Trend.Fit(fit.models(), fit.types(), fit.intercept(),
                    fit.slope(), fit.typeEffects(), fit.residualStandardDeviation()), null);
        } catch (SingularMatrixException sameSizes) {
            return new Trend(statistic, points, excluded, null, "the models' sizes and types do not determine a trend");
        } catch (IllegalArgumentException tooFew) {
            return new Trend(statistic, points, excluded, null, tooFew.getMessage());
        }
    }
}
