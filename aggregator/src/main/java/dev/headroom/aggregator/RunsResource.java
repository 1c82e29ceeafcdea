package dev.headroom.aggregator;

import dev.headroom.core.stats.Interval;
import dev.headroom.core.stats.ItemVotes;
import dev.headroom.core.stats.ModelAnalysis;
import dev.headroom.report.Trend;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs and their statistics, as JSON or as CSV ({@code Accept: text/csv} or {@code ?format=csv}). A run or model
 * without scores gives empty results, not 404: the aggregator cannot tell "unknown" from "not started".
 */
@Path("/runs")
@Produces({MediaType.APPLICATION_JSON, Representation.CSV})
public class RunsResource {

    /** Every model's analysis of one run. */
    public record Statistics(String runId, long tasks, Map<String, ModelAnalysis> models) {
    }

    @Inject
    RunStore runs;

    @Inject
    RunStatistics statistics;

    @Inject
    ScoreRows scores;

    @Inject
    ModelCards cards;

    @Context
    HttpHeaders headers;

    @GET
    public Response runs(@QueryParam("format") String format) {
        List<RunStore.RunRow> rows = runs.runs();
        return Representation.of(format, headers, rows, () -> new CsvTable(
                List.of("run_id", "models", "scored_tasks", "dead_lettered_tasks", "last_scored_at"),
                rows.stream().<List<?>>map(run -> List.of(run.runId(), run.models(), run.scoredTasks(),
                        run.deadLetteredTasks(), run.lastScoredAt())).toList()));
    }

    @GET
    @Path("/{runId}/statistics")
    public Response statistics(@PathParam("runId") String runId, @QueryParam("format") String format) {
        RunStatistics.Analysed run = statistics.of(runId);
        return Representation.of(format, headers, new Statistics(runId, run.tasks(), run.models()), () -> {
            List<List<?>> rows = new ArrayList<>();
            run.models().forEach((model, analysis) -> Stream.of(List.of(analysis.overall()),
                            analysis.byBenchmark().values(), analysis.bySubject().values())
                    .flatMap(Collection::stream)
                    .forEach(report -> StatisticTable.rows(report).forEach((statistic, value) -> rows.add(List.of(
                            model, report.scope(), report.items(), report.variants(), report.tasks(), statistic,
                            value.estimate(), value.low(), value.high())))));
            return new CsvTable(List.of("model", "scope", "items", "variants", "tasks", "statistic", "estimate", "low",
                    "high"), rows);
        });
    }

    @GET
    @Path("/{runId}/models/{model}/variants")
    public Response variants(@PathParam("runId") String runId, @PathParam("model") String model,
                             @QueryParam("format") String format) {
        List<RunStore.VariantRow> rows = runs.variants(runId, model);
        return Representation.of(format, headers, rows, () -> {
            List<String> dimensions = List.copyOf(new TreeSet<>(rows.stream()
                    .flatMap(row -> row.dimensions().keySet().stream()).toList()));
            List<String> header = new ArrayList<>(List.of("variant_id", "variant_name", "items", "correct", "unparsed",
                    "accuracy", "gold_probability_mean", "gold_probability_sd"));
            header.addAll(dimensions);
            return new CsvTable(header, rows.stream().<List<?>>map(row -> {
                List<Object> values = new ArrayList<>(Arrays.asList(row.variantId(), row.variantName(), row.items(),
                        row.correct(), row.unparsed(), row.accuracy(), row.goldProbabilityMean(),
                        row.goldProbabilitySd()));
                dimensions.forEach(dimension -> values.add(row.dimensions().get(dimension)));
                return values;
            }).toList());
        });
    }

    @GET
    @Path("/{runId}/models/{model}/items")
    public Response items(@PathParam("runId") String runId, @PathParam("model") String model,
                          @QueryParam("format") String format) {
        List<ItemVotes.ItemVote> votes = ItemVotes.of(scores.of(runId, model));
        return Representation.of(format, headers, votes, () -> new CsvTable(
                List.of("item_id", "benchmark", "subject", "gold_index", "variants", "correct", "unparsed",
                        "majority_option", "majority_correct"),
                votes.stream().<List<?>>map(vote -> Arrays.asList(vote.itemId(), vote.benchmark(), vote.subject(),
                        vote.goldIndex(), vote.variants(), vote.correct(), vote.unparsed(), vote.majorityOption(),
                        vote.majorityCorrect())).toList()));
    }

    @GET
    @Path("/{runId}/tasks")
    public Response tasks(@PathParam("runId") String runId, @QueryParam("format") String format) {
        List<RunStore.TaskRow> rows = runs.tasks(runId);
        return Representation.of(format, headers, rows, () -> {
            List<String> dimensions = List.copyOf(new TreeSet<>(rows.stream()
                    .flatMap(row -> row.dimensions().keySet().stream()).toList()));
            List<String> header = new ArrayList<>(List.of("task_id", "model", "benchmark", "subject", "item_id",
                    "variant_id", "variant_name", "outcome", "chosen_index", "gold_index", "gold_probability", "labels",
                    "presented_order", "cost_usd", "stored_at"));
            // prefixed: a dimension may share a name with a column (labels)
            dimensions.forEach(dimension -> header.add("variant_" + dimension));
            return new CsvTable(header, rows.stream().<List<?>>map(row -> {
                List<Object> values = new ArrayList<>(Arrays.asList(row.taskId(), row.model(), row.benchmark(),
                        row.subject(), row.itemId(), row.variantId(), row.variantName(), row.outcome(),
                        row.chosenIndex(), row.goldIndex(), row.goldProbability(), row.labels(), row.presentedOrder(),
                        row.costUsd(), row.storedAt()));
                dimensions.forEach(dimension -> values.add(row.dimensions().get(dimension)));
                return values;
            }).toList());
        });
    }

    @GET
    @Path("/{runId}/trends")
    public Response trends(@PathParam("runId") String runId, @QueryParam("format") String format) {
        Trends.RunTrends trends = Trends.of(statistics.of(runId), cards.all());
        return Representation.of(format, headers, trends, () -> {
            List<List<?>> rows = new ArrayList<>();
            for (Trend trend : trends.trends()) {
                trend.points().forEach(point -> rows.add(Arrays.asList(trend.statistic(), "point", point.model(),
                        point.parameterCount(), point.type(), point.value(), null, null)));
                if (trend.fit() != null) {
                    rows.add(coefficient(trend, "intercept", trend.fit().intercept()));
                    rows.add(coefficient(trend, "slope_per_log10_parameters", trend.fit().slope()));
                    trend.fit().typeEffects().forEach((type, effect) -> rows.add(coefficient(trend, "type:" + type, effect)));
                }
            }
            return new CsvTable(List.of("statistic", "row", "model", "parameter_count", "type", "estimate", "low",
                    "high"), rows);
        });
    }

    private static List<?> coefficient(Trend trend, String name, Interval value) {
        return Arrays.asList(trend.statistic(), name, null, null, null, value.estimate(), value.low(), value.high());
    }
}
