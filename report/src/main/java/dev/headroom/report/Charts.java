package dev.headroom.report;

import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.ModelPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The report's charts, each one inline SVG drawn from a {@link RunReport}. */
final class Charts {

    static final double WIDTH = 960;
    private static final double LABEL_WIDTH = 260;
    private static final double RIGHT = 40;
    private static final double AXIS_HEIGHT = 36;
    private static final double ROW = 16;

    /** The four headline statistics of a model, in the order the first chart draws them. */
    static final Map<String, Function<ElicitationReport, Interval>> HEADLINE = new LinkedHashMap<>();

    static {
        HEADLINE.put("plain", ElicitationReport::plain);
        HEADLINE.put("held-out best", ElicitationReport::heldOutBest);
        HEADLINE.put("MaxP", ElicitationReport::maxP);
        HEADLINE.put("majority vote", ElicitationReport::majorityVote);
    }

    private Charts() {
    }

    /** Per model, plain, held-out best, MaxP and majority vote, each a dot on its 95% interval. */
    static String headline(RunReport run) {
        List<String> names = List.copyOf(HEADLINE.keySet());
        double height = 30 + run.models().size() * (names.size() * ROW + 12) + AXIS_HEIGHT;
        Svg svg = new Svg("chart-headline", WIDTH, height);
        Svg.Scale x = accuracyAxis(svg, height);
        legend(svg, names);
        double y = 30;
        for (String model : run.models().keySet()) {
            ElicitationReport report = run.overall(model);
            svg.text(LABEL_WIDTH - 100, y + names.size() * ROW / 2 + 4, model, "end", "font-weight:600");
            for (int i = 0; i < names.size(); i++) {
                double rowY = y + i * ROW + ROW / 2;
                svg.text(LABEL_WIDTH - 8, rowY + 4, names.get(i), "end", "font-size:11px");
                Interval value = HEADLINE.get(names.get(i)).apply(report);
                if (value != null && Double.isFinite(value.estimate())) {
                    intervalDot(svg, x, rowY, value, Svg.colour(i), model + " " + names.get(i));
                }
            }
            y += names.size() * ROW + 12;
        }
        return svg.toString();
    }

    /** Per model, every variant's accuracy as a dot over a box of the quartiles with whiskers to the extremes. */
    static String spread(RunReport run) {
        double band = 34;
        double height = 30 + run.models().size() * band + AXIS_HEIGHT;
        Svg svg = new Svg("chart-spread", WIDTH, height);
        Svg.Scale x = accuracyAxis(svg, height);
        legend(svg, List.of("variant", "plain variant"));
        double y = 30;
        for (String model : run.models().keySet()) {
            ElicitationReport report = run.overall(model);
            double mid = y + band / 2;
            svg.text(LABEL_WIDTH - 8, mid + 4, model, "end", "font-weight:600");
            ElicitationReport.Quantiles q = report.quantiles();
            if (report.min() != null && report.maxP() != null) {
                svg.line(x.at(report.min().estimate()), mid, x.at(report.maxP().estimate()), mid, "#777", 1);
            }
            if (q != null) {
                svg.rect(x.at(q.p25().estimate()), mid - 9, x.at(q.p75().estimate()) - x.at(q.p25().estimate()), 18,
                        "#e8eef6", "#777");
                svg.line(x.at(q.p50().estimate()), mid - 9, x.at(q.p50().estimate()), mid + 9, "#333", 2);
            }
            List<ElicitationReport.VariantScore> variants = report.perVariant();
            for (int i = 0; i < variants.size(); i++) {
                ElicitationReport.VariantScore variant = variants.get(i);
                boolean plain = variant.variantId().equals(report.plainVariantId());
                double jitter = ((i * 7) % 11 - 5) * 1.4;  // deterministic, so identical accuracies stay visible
                svg.circle(x.at(variant.accuracy().estimate()), mid + jitter, plain ? 5 : 3.5,
                        plain ? Svg.colour(1) : Svg.colour(0), model + " " + run.variantName(model,
                                variant.variantId()) + ": " + Numbers.estimate(variant.accuracy()));
            }
            y += band;
        }
        return svg.toString();
    }

    /** A statistic against log10 parameter count, one colour per model type, with the fitted line of each type. */
    static String trend(RunReport run, Trend trend) {
        double height = 300;
        double left = 70;
        double bottom = height - 40;
        Svg svg = new Svg("chart-trend-" + trend.statistic(), WIDTH / 2 - 10, height);
        double right = WIDTH / 2 - 30;
        List<ModelPoint> points = trend.points();
        double xLow = points.stream().mapToDouble(p -> Math.log10(p.parameterCount())).min().orElse(8);
        double xHigh = points.stream().mapToDouble(p -> Math.log10(p.parameterCount())).max().orElse(11);
        double yLow = Math.min(0, points.stream().mapToDouble(ModelPoint::value).min().orElse(0));
        double yHigh = Math.max(0.05, points.stream().mapToDouble(ModelPoint::value).max().orElse(0.1));
        Svg.Scale x = new Svg.Scale(Math.floor(xLow - 0.25), Math.ceil(xHigh + 0.25), left, right);
        Svg.Scale y = new Svg.Scale(yLow - 0.02, yHigh + 0.02, bottom, 20);
        svg.line(left, bottom, right, bottom, "#333", 1).line(left, 20, left, bottom, "#333", 1);
        for (double tick = x.domainLow(); tick <= x.domainHigh(); tick++) {
            svg.line(x.at(tick), bottom, x.at(tick), bottom + 4, "#333", 1)
                    .text(x.at(tick), bottom + 16, Numbers.parameters(Math.pow(10, tick)), "middle", "font-size:11px");
        }
        for (int i = 0; i <= 4; i++) {
            double value = y.domainLow() + i * (y.domainHigh() - y.domainLow()) / 4;
            svg.line(left - 4, y.at(value), right, y.at(value), "#eee", 1)
                    .text(left - 6, y.at(value) + 4, Numbers.number(value), "end", "font-size:11px");
        }
        svg.line(left, y.at(0), right, y.at(0), "#999", 1);
        svg.text((left + right) / 2, bottom + 32, "parameters (log scale)", "middle", "font-size:11px");
        svg.text(left, 12, trend.statistic(), "start", "font-weight:600");
        List<String> types = List.copyOf(new TreeSet<>(points.stream().map(ModelPoint::type).toList()));
        for (int t = 0; t < types.size(); t++) {
            svg.text(right - 4, 12 + t * 14, types.get(t), "end", "fill:" + Svg.colour(t) + ";font-size:11px");
            if (trend.fit() != null) {
                svg.line(x.at(x.domainLow()), y.at(trend.fit().at(x.domainLow(), types.get(t))), x.at(x.domainHigh()),
                        y.at(trend.fit().at(x.domainHigh(), types.get(t))), Svg.colour(t), 1.5);
            }
        }
        for (ModelPoint point : points) {
            int t = types.indexOf(point.type());
            svg.circle(x.at(Math.log10(point.parameterCount())), y.at(point.value()), 5, Svg.colour(t),
                    point.model() + " (" + point.type() + ", " + Numbers.parameters(point.parameterCount()) + "): "
                            + Numbers.number(point.value()));
            svg.text(x.at(Math.log10(point.parameterCount())) + 7, y.at(point.value()) - 6, point.model(), "start",
                    "font-size:10px");
        }
        if (points.isEmpty()) {
            svg.text((left + right) / 2, (20 + bottom) / 2, "no model with a known size", "middle", "fill:#777");
        }
        return svg.toString();
    }

    /**
     * Per model (a bold row) and prompt dimension that varied in the run, each value's mean accuracy with its
     * interval.
     */
    static String dimensions(RunReport run) {
        List<String[]> rows = new ArrayList<>();  // model, then dimension and value (both null on the model's row)
        run.models().forEach((model, analysis) -> {
            rows.add(new String[]{model, null, null});
            analysis.overall().marginals().forEach((dimension, values) -> {
                if (values.size() > 1) {
                    values.keySet().forEach(value -> rows.add(new String[]{model, dimension, value}));
                }
            });
        });
        double height = 30 + rows.size() * ROW + AXIS_HEIGHT;
        Svg svg = new Svg("chart-dimensions", WIDTH, height);
        Svg.Scale x = accuracyAxis(svg, height);
        double y = 30;
        boolean anyVaried = false;
        for (String[] row : rows) {
            int colour = List.copyOf(run.models().keySet()).indexOf(row[0]);
            if (row[1] == null) {
                svg.line(20, y + 2, WIDTH - RIGHT, y + 2, "#ddd", 1)
                        .text(LABEL_WIDTH - 8, y + ROW / 2 + 6, row[0], "end", "font-weight:600");
            } else {
                String label = row[1] + " = " + readable(row[2]);
                svg.text(LABEL_WIDTH - 8, y + ROW / 2 + 4, label, "end", "font-size:11px");
                intervalDot(svg, x, y + ROW / 2, run.overall(row[0]).marginals().get(row[1]).get(row[2]),
                        Svg.colour(colour), row[0] + " " + label);
                anyVaried = true;
            }
            y += ROW;
        }
        if (!anyVaried) {
            svg.text(WIDTH / 2, 20, "no prompt dimension took two values in this run", "middle", "fill:#777");
        }
        return svg.toString();
    }

    /** A dimension value as a label: a structured one ({"kind":"SHIFT","k":1}) without its JSON punctuation. */
    private static String readable(String value) {
        return value.startsWith("{") ? value.replaceAll("[{}\"]", "").replace(",", " ") : value;
    }

    /** Per model, the share of tasks with the gold at each presented position against the share choosing it. */
    static String labelBias(RunReport run) {
        double panel = 150;
        double height = 30 + run.models().size() * panel;
        Svg svg = new Svg("chart-label-bias", WIDTH, height);
        legend(svg, List.of("gold at position", "chosen position"));
        double top = 30;
        for (String model : run.models().keySet()) {
            ElicitationReport.LabelBias bias = run.overall(model).labelBias();
            double bottom = top + panel - 30;
            svg.text(LABEL_WIDTH - 8, top + 50, model, "end", "font-weight:600");
            svg.text(LABEL_WIDTH - 8, top + 66, "RStd " + Numbers.estimate(bias == null ? null : bias.rStd()), "end",
                    "font-size:11px");
            svg.line(LABEL_WIDTH, bottom, WIDTH - RIGHT, bottom, "#333", 1);
            if (bias != null) {
                TreeSet<Integer> positions = new TreeSet<>(bias.goldPositions().keySet());
                positions.addAll(bias.chosenPositions().keySet());
                long gold = bias.goldPositions().values().stream().mapToLong(Long::longValue).sum();
                long chosen = bias.chosenPositions().values().stream().mapToLong(Long::longValue).sum();
                double slot = (WIDTH - RIGHT - LABEL_WIDTH) / Math.max(1, positions.size());
                Svg.Scale share = new Svg.Scale(0, 1, bottom, top);
                int i = 0;
                for (int position : positions) {
                    double goldShare = gold == 0 ? 0 : bias.goldPositions().getOrDefault(position, 0L) / (double) gold;
                    double chosenShare = chosen == 0 ? 0
                            : bias.chosenPositions().getOrDefault(position, 0L) / (double) chosen;
                    double x0 = LABEL_WIDTH + i * slot + slot * 0.2;
                    double bar = slot * 0.3;
                    svg.rect(x0, share.at(goldShare), bar, bottom - share.at(goldShare), Svg.colour(0), "none");
                    svg.rect(x0 + bar, share.at(chosenShare), bar, bottom - share.at(chosenShare), Svg.colour(1),
                            "none");
                    svg.text(x0 + bar, bottom + 14, "position " + (position + 1), "middle", "font-size:11px");
                    svg.text(x0 + bar / 2, share.at(goldShare) - 3, Numbers.number(goldShare), "middle",
                            "font-size:10px");
                    svg.text(x0 + 1.5 * bar, share.at(chosenShare) - 3, Numbers.number(chosenShare), "middle",
                            "font-size:10px");
                    i++;
                }
            }
            top += panel;
        }
        return svg.toString();
    }

    private static void intervalDot(Svg svg, Svg.Scale x, double y, Interval value, String colour, String title) {
        if (Double.isFinite(value.low()) && Double.isFinite(value.high())) {
            svg.line(x.at(value.low()), y, x.at(value.high()), y, colour, 2);
        }
        svg.circle(x.at(value.estimate()), y, 4.5, colour, title + ": " + Numbers.estimate(value) + " "
                + Numbers.interval(value));
    }

    /** Grid lines at 0, 0.25, ..., 1 and their labels at the bottom; returns the x scale. */
    private static Svg.Scale accuracyAxis(Svg svg, double height) {
        Svg.Scale x = new Svg.Scale(0, 1, LABEL_WIDTH, WIDTH - RIGHT);
        double bottom = height - AXIS_HEIGHT + 6;
        for (int i = 0; i <= 4; i++) {
            double value = i / 4.0;
            svg.line(x.at(value), 24, x.at(value), bottom, "#e4e4e4", 1)
                    .text(x.at(value), bottom + 14, Numbers.number(value), "middle", "font-size:11px");
        }
        svg.text((LABEL_WIDTH + WIDTH - RIGHT) / 2, bottom + 28, "accuracy", "middle", "font-size:11px");
        return x;
    }

    private static void legend(Svg svg, List<String> names) {
        double x = LABEL_WIDTH;
        for (int i = 0; i < names.size(); i++) {
            svg.circle(x + 5, 12, 5, Svg.colour(i), names.get(i)).text(x + 14, 16, names.get(i), "start",
                    "font-size:12px");
            x += 30 + 7 * names.get(i).length();
        }
    }
}
