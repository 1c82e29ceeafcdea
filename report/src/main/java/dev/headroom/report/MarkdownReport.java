package dev.headroom.report;

import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.ElicitationReport;
import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.ModelPoint;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A run's report as Markdown: the tables of the HTML report, the trends in words, the methods. No charts. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport run) {
        StringBuilder md = new StringBuilder();
        md.append("# Headroom report: run `").append(run.runId()).append("`\n\n")
                .append(run.tasks()).append(" scored tasks, ").append(run.models().size())
                .append(" model(s). `[low, high]` is a 95% bootstrap interval (Methods, below). The HTML report has "
                        + "the charts.\n\n");
        md.append("## Per model\n\n")
                .append("| model | type | items | variants | plain | held-out best | MaxP | majority vote | spread | "
                        + "elicitation gap | unparsed | dead-lettered | best variant (MaxP) | held-out choices |\n")
                .append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n");
        run.models().forEach((model, analysis) -> {
            ElicitationReport r = analysis.overall();
            md.append("| ").append(model).append(" | ").append(run.type(model)).append(" | ").append(r.items())
                    .append(" | ").append(r.variants()).append(" | ")
                    .append(cells(r.plain(), r.heldOutBest(), r.maxP(), r.majorityVote(), r.spread(),
                            r.elicitationGap(), r.unparsedRate()))
                    .append(run.summary().deadLettered(model)).append(" | ")
                    .append(run.variantName(model, r.bestVariantId())).append(" | ")
                    .append(r.heldOutChoices().stream().map(id -> run.variantName(model, id))
                            .collect(Collectors.joining(", "))).append(" |\n");
        });
        md.append("\n## Elicitation gap and spread against size\n\n");
        for (Trend trend : run.trends()) {
            md.append("- ").append(trendSentence(trend)).append('\n');
        }
        md.append("\n## Per subject\n\n")
                .append("| model | subject | items | variants | plain | held-out best | MaxP | majority vote | spread | "
                        + "elicitation gap |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        run.models().forEach((model, analysis) -> analysis.bySubject().forEach((subject, r) -> md.append("| ")
                .append(model).append(" | ").append(subject).append(" | ").append(r.items()).append(" | ")
                .append(r.variants()).append(" | ").append(cells(r.plain(), r.heldOutBest(), r.maxP(),
                        r.majorityVote(), r.spread(), r.elicitationGap())).append('\n')));
        md.append("\n## Per model and variant\n\n| model | variant | items | correct | unparsed | accuracy |\n")
                .append("|---|---|--:|--:|--:|--:|\n");
        for (RunSummary.Row row : run.summary().rows()) {
            md.append("| ").append(row.model()).append(" | ").append(row.variantName()).append(" | ")
                    .append(row.items()).append(" | ").append(row.correct()).append(" | ").append(row.unparsed())
                    .append(" | ").append(Numbers.number(row.accuracy())).append(" |\n");
        }
        md.append("\n## Methods\n\n");
        Methods.DEFINITIONS.forEach((term, definition) -> md.append("- **").append(term).append("**: ")
                .append(definition).append('\n'));
        return md.toString();
    }

    /** One sentence per trend: the points, the fitted slope per tenfold parameters, or why there is no fit. */
    static String trendSentence(Trend trend) {
        StringBuilder sentence = new StringBuilder(trend.statistic()).append(": ");
        List<ModelPoint> points = trend.points();
        sentence.append(points.isEmpty() ? "no model with a known size"
                : points.stream().map(p -> p.model() + " (" + p.type() + ", " + Numbers.parameters(p.parameterCount())
                        + ") " + Numbers.number(p.value())).collect(Collectors.joining("; ")));
        if (trend.fit() != null) {
            sentence.append(". Fit over ").append(trend.fit().models()).append(" models: ")
                    .append(Numbers.estimate(trend.fit().slope())).append(' ')
                    .append(Numbers.interval(trend.fit().slope())).append(" per tenfold parameters");
            for (Map.Entry<String, Interval> effect : trend.fit().typeEffects().entrySet()) {
                sentence.append(", ").append(effect.getKey()).append(" vs ").append(trend.fit().types().get(0))
                        .append(' ').append(Numbers.estimate(effect.getValue())).append(' ')
                        .append(Numbers.interval(effect.getValue()));
            }
        } else if (trend.note() != null) {
            sentence.append(". No fit: ").append(trend.note());
        }
        if (!trend.excluded().isEmpty()) {
            sentence.append(". Left out: ").append(trend.excluded().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        return sentence.append('.').toString();
    }

    /** Each value as "estimate [low, high]", each followed by a column separator. */
    private static String cells(Interval... values) {
        StringBuilder cells = new StringBuilder();
        for (Interval value : values) {
            String interval = Numbers.interval(value);
            cells.append(Numbers.estimate(value)).append(interval.isEmpty() ? "" : " " + interval).append(" | ");
        }
        return cells.toString();
    }
}
