package dev.headroom.report;

import dev.headroom.core.message.ModelCard;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.Interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A run's report as one self-contained HTML page: inline SVG charts and CSS, no script, nothing fetched. Every
 * number cell carries {@code data-model} and {@code data-stat} (and {@code data-scope} or {@code data-variant}), so a
 * reader program can find it.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px 32px;color:#222}
            p,dl{max-width:1100px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:right;white-space:nowrap}
            th{background:#f4f4f4}td.name,th.name{text-align:left}
            .ci{color:#777;font-size:12px}.note{color:#555}.charts{display:flex;flex-wrap:wrap;gap:20px}
            svg.chart{font-family:inherit;font-size:12px;max-width:100%;height:auto}
            dt{font-weight:600;margin-top:8px}dd{margin-left:16px}
            """;

    /** The statistics of the per-subject table, by their {@code data-stat} name. */
    private static final Map<String, Function<ElicitationReport, Interval>> SUBJECT_COLUMNS = new LinkedHashMap<>();
    /** The statistics of the per-model table: the subject table's and two more. */
    private static final Map<String, Function<ElicitationReport, Interval>> MODEL_COLUMNS = new LinkedHashMap<>();

    static {
        SUBJECT_COLUMNS.put("plain", ElicitationReport::plain);
        SUBJECT_COLUMNS.put("heldOutBest", ElicitationReport::heldOutBest);
        SUBJECT_COLUMNS.put("maxP", ElicitationReport::maxP);
        SUBJECT_COLUMNS.put("majorityVote", ElicitationReport::majorityVote);
        SUBJECT_COLUMNS.put("spread", ElicitationReport::spread);
        SUBJECT_COLUMNS.put("elicitationGap", ElicitationReport::elicitationGap);
        MODEL_COLUMNS.putAll(SUBJECT_COLUMNS);
        MODEL_COLUMNS.put("unparsedRate", ElicitationReport::unparsedRate);
        MODEL_COLUMNS.put("rStd", report -> report.labelBias() == null ? null : report.labelBias().rStd());
    }

    private HtmlReport() {
    }

    public static String render(RunReport run) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Headroom report: ").append(Html.escape(run.runId())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Headroom report: run <code>").append(Html.escape(run.runId())).append("</code></h1>\n");
        html.append("<p class=\"note\">").append(run.tasks()).append(" scored tasks, ").append(run.models().size())
                .append(" model(s). Every [low, high] is a 95% bootstrap interval; the Methods section at the end says "
                        + "what each number means.");
        if (run.cards().values().stream().anyMatch(card -> "sim".equals(card.backend()))) {
            html.append(" Models with backend <code>sim</code> are Headroom's simulated models, not real ones.");
        }
        html.append("</p>\n");

        html.append("<h2>Per model</h2>\n").append(modelTable(run)).append(choiceTable(run));
        html.append("<h2>Plain, held-out best, MaxP and majority vote</h2>\n").append(Charts.headline(run));
        html.append("<h2>Spread across variants</h2>\n").append(Charts.spread(run));
        html.append("<h2>Elicitation gap and spread against size</h2>\n<div class=\"charts\">");
        run.trends().forEach(trend -> html.append(Charts.trend(run, trend)));
        html.append("</div>\n");
        for (Trend trend : run.trends()) {
            html.append("<p class=\"note\">").append(Html.escape(MarkdownReport.trendSentence(trend))).append("</p>\n");
        }
        html.append("<h2>Per-dimension effects</h2>\n").append(Charts.dimensions(run));
        html.append("<h2>Label bias</h2>\n").append(Charts.labelBias(run));
        html.append("<h2>Per subject</h2>\n").append(subjectTable(run));
        html.append("<h2>Per model and variant</h2>\n").append(summaryTable(run.summary()));
        html.append("<h2>Methods</h2>\n<dl>");
        Methods.DEFINITIONS.forEach((term, definition) -> html.append("<dt>").append(Html.escape(term))
                .append("</dt><dd>").append(Html.escape(definition)).append("</dd>"));
        html.append("</dl>\n</body></html>\n");
        return html.toString();
    }

    private static String modelTable(RunReport run) {
        StringBuilder table = new StringBuilder("<table id=\"models\"><tr><th class=\"name\">model</th>"
                + "<th class=\"name\">type</th><th>parameters</th><th>items</th><th>variants</th><th>tasks</th>"
                + "<th>plain</th><th>held-out best</th><th>MaxP</th><th>majority vote</th><th>spread</th>"
                + "<th>elicitation gap</th><th>unparsed</th><th>RStd</th><th>dead-lettered</th></tr>\n");
        run.models().forEach((model, analysis) -> {
            ElicitationReport report = analysis.overall();
            ModelCard card = run.cards().get(model);
            table.append("<tr><td class=\"name\">").append(Html.escape(model)).append("</td><td class=\"name\">")
                    .append(Html.escape(run.type(model))).append("</td><td>")
                    .append(card == null ? Numbers.ABSENT : Numbers.parameters(card.parameterCount())).append("</td>")
                    .append("<td>").append(report.items()).append("</td><td>").append(report.variants())
                    .append("</td><td>").append(report.tasks()).append("</td>");
            for (Map.Entry<String, Function<ElicitationReport, Interval>> statistic : MODEL_COLUMNS.entrySet()) {
                table.append(cell(model, statistic.getKey(), "data-scope=\"" + Html.escape(report.scope()) + "\"",
                        statistic.getValue().apply(report)));
            }
            table.append("<td>").append(run.summary().deadLettered(model)).append("</td></tr>\n");
        });
        return table.append("</table>\n").toString();
    }

    /** Per model, the variant MaxP took and the two the held-out best chose. */
    private static String choiceTable(RunReport run) {
        StringBuilder table = new StringBuilder("<table id=\"choices\"><tr><th class=\"name\">model</th>"
                + "<th class=\"name\">best variant (MaxP)</th><th class=\"name\">held-out best: chosen on half A</th>"
                + "<th class=\"name\">chosen on half B</th></tr>\n");
        run.models().forEach((model, analysis) -> {
            ElicitationReport report = analysis.overall();
            table.append("<tr><td class=\"name\">").append(Html.escape(model)).append("</td><td class=\"name\">")
                    .append(Html.escape(run.variantName(model, report.bestVariantId()))).append("</td>");
            List<String> choices = report.heldOutChoices().isEmpty() ? List.of(Numbers.ABSENT, Numbers.ABSENT)
                    : report.heldOutChoices().stream().map(id -> run.variantName(model, id)).toList();
            choices.forEach(choice -> table.append("<td class=\"name\">").append(Html.escape(choice)).append("</td>"));
            table.append("</tr>\n");
        });
        return table.append("</table>\n").toString();
    }

    private static String subjectTable(RunReport run) {
        StringBuilder table = new StringBuilder("<table id=\"subjects\"><tr><th class=\"name\">model</th>"
                + "<th class=\"name\">subject</th><th>items</th><th>variants</th><th>plain</th><th>held-out best</th>"
                + "<th>MaxP</th><th>majority vote</th><th>spread</th><th>elicitation gap</th></tr>\n");
        run.models().forEach((model, analysis) -> analysis.bySubject().forEach((subject, report) -> {
            table.append("<tr><td class=\"name\">").append(Html.escape(model)).append("</td><td class=\"name\">")
                    .append(Html.escape(subject)).append("</td><td>").append(report.items()).append("</td><td>")
                    .append(report.variants()).append("</td>");
            SUBJECT_COLUMNS.forEach((statistic, value) -> table.append(cell(model, statistic,
                    "data-scope=\"" + Html.escape(report.scope()) + "\"", value.apply(report))));
            table.append("</tr>\n");
        }));
        return table.append("</table>\n").toString();
    }

    private static String summaryTable(RunSummary summary) {
        StringBuilder table = new StringBuilder("<table id=\"summary\"><tr><th class=\"name\">model</th>"
                + "<th class=\"name\">variant</th><th>items</th><th>correct</th><th>unparsed</th><th>accuracy</th>"
                + "</tr>\n");
        for (RunSummary.Row row : summary.rows()) {
            String keys = "data-model=\"" + Html.escape(row.model()) + "\" data-variant=\""
                    + Html.escape(row.variantId()) + "\"";
            table.append("<tr><td class=\"name\">").append(Html.escape(row.model())).append("</td><td class=\"name\">")
                    .append(Html.escape(row.variantName())).append("</td>")
                    .append("<td ").append(keys).append(" data-stat=\"items\">").append(row.items()).append("</td>")
                    .append("<td ").append(keys).append(" data-stat=\"correct\">").append(row.correct())
                    .append("</td><td ").append(keys).append(" data-stat=\"unparsed\">").append(row.unparsed())
                    .append("</td><td ").append(keys).append(" data-stat=\"accuracy\">")
                    .append(Numbers.number(row.accuracy())).append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String cell(String model, String statistic, String scope, Interval value) {
        return "<td data-model=\"" + Html.escape(model) + "\" data-stat=\"" + statistic + "\" " + scope + ">"
                + Numbers.estimate(value) + " <span class=\"ci\">" + Numbers.interval(value) + "</span></td>";
    }

    /** The statistics of the model table, for a reader that checks the page against the REST API. */
    public static List<String> modelStatistics() {
        return List.copyOf(MODEL_COLUMNS.keySet());
    }
}
