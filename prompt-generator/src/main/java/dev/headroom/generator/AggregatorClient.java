package dev.headroom.generator;

import dev.headroom.core.run.RunSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The aggregator's view of a run, for its progress and for a budgeted run's outcomes. */
@RegisterRestClient(configKey = "aggregator")
@Path("/runs")
public interface AggregatorClient {

    @GET
    @Path("/{runId}/summary")
    RunSummary summary(@PathParam("runId") String runId);

    @GET
    @Path("/{runId}/tasks")
    List<TaskOutcome> tasks(@PathParam("runId") String runId);
}
