package dev.headroom.generator;

import dev.headroom.core.run.RunSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The aggregator's view of a run, for its progress. */
@RegisterRestClient(configKey = "aggregator")
@Path("/runs")
public interface AggregatorClient {

    @GET
    @Path("/{runId}/summary")
    RunSummary summary(@PathParam("runId") String runId);
}
