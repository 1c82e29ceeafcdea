package dev.headroom.aggregator;

import dev.headroom.core.run.RunSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/runs/{runId}/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    RunStore runs;

    /** Empty rows, not 404, for a run with no scores yet: the aggregator cannot tell "unknown" from "not started". */
    @GET
    public RunSummary summary(@PathParam("runId") String runId) {
        return new RunSummary(runId, runs.variants(runId, null).stream()
                .map(row -> new RunSummary.Row(row.model(), row.variantId(), row.variantName(), row.items(),
                        row.correct(), row.unparsed(), row.accuracy()))
                .toList(), runs.deadLetters(runId), runs.spending(runId));
    }
}
