package dev.headroom.aggregator;

import dev.headroom.report.HtmlReport;
import dev.headroom.report.MarkdownReport;
import dev.headroom.report.RunReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** A run's report (module report) from the statistics, trends and summary this service serves as JSON. */
@Path("/runs/{runId}")
public class ReportResource {

    @Inject
    RunStatistics statistics;

    @Inject
    SummaryResource summaries;

    @Inject
    ModelCards cards;

    @GET
    @Path("/report.html")
    @Produces("text/html;charset=utf-8")
    public String html(@PathParam("runId") String runId) {
        return HtmlReport.render(report(runId));
    }

    @GET
    @Path("/report.md")
    @Produces("text/markdown;charset=utf-8")
    public String markdown(@PathParam("runId") String runId) {
        return MarkdownReport.render(report(runId));
    }

    private RunReport report(String runId) {
        RunStatistics.Analysed run = statistics.of(runId);
        var allCards = cards.all();
        return new RunReport(runId, run.tasks(), summaries.summary(runId), run.models(), allCards,
                Trends.of(run, allCards).trends());
    }
}
