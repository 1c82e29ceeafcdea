package dev.headroom.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.headroom.core.Hashing;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.run.RunPlanner;
import dev.headroom.core.run.RunSpec;
import dev.headroom.core.run.RunSummary;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/runs")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    /** Sorted keys, so that the same spec always hashes to the same run id. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    @Inject
    BenchmarkCatalog catalog;

    @Inject
    RunRegistry registry;

    @Inject
    RunLauncher launcher;

    @Inject
    @RestClient
    AggregatorClient aggregator;

    @POST
    public Response submit(RunSpec spec) throws JsonProcessingException {
        if (spec == null) {
            return ApiError.badRequest("a run spec (JSON) is required", List.of());
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            return ApiError.badRequest("invalid run spec", problems);
        }
        String runId = spec.id() != null ? spec.id() : "run-" + Hashing.id("run", CANONICAL.writeValueAsString(spec)).substring(0, 16);
        RunSpec identified = new RunSpec(runId, spec.benchmark(), spec.split(), spec.subjects(), spec.limit(),
                spec.variants(), spec.models());
        List<Item> items = RunPlanner.select(catalog.items(identified), identified.limit());
        Map<String, List<Item>> examples = catalog.examples(identified, items);
        long expected = (long) items.size() * identified.variants().size() * identified.models().size();
        String specJson = CANONICAL.writeValueAsString(identified);
        String stored = registry.register(runId, specJson, expected);
        if (!CANONICAL.readTree(stored).equals(CANONICAL.readTree(specJson))) {
            return ApiError.of(Response.Status.CONFLICT, "run id '" + runId + "' is taken by another spec", List.of());
        }
        launcher.launch(runId, identified, items, examples);
        return Response.accepted(Map.of("runId", runId, "expectedTasks", expected, "status", "PUBLISHING")).build();
    }

    @GET
    @Path("/{runId}")
    public Response status(@PathParam("runId") String runId) throws JsonProcessingException {
        RunRegistry.RegisteredRun run = registry.find(runId).orElse(null);
        if (run == null) {
            return ApiError.of(Response.Status.NOT_FOUND, "no run '" + runId + "'", List.of());
        }
        RunSpec spec = CANONICAL.readValue(run.specJson(), RunSpec.class);
        long expectedPerModel = run.expectedTasks() / spec.models().size();
        Map<String, RunStatus.ModelProgress> progress = new LinkedHashMap<>();
        long scored = 0;
        long deadLettered = 0;
        try {
            RunSummary summary = aggregator.summary(runId);
            for (String model : spec.models()) {
                long modelScored = summary.scored(model);
                progress.put(model, new RunStatus.ModelProgress(expectedPerModel, modelScored,
                        summary.deadLettered(model)));
                scored += modelScored;
                deadLettered += summary.deadLettered(model);
            }
        } catch (RuntimeException e) {
            Log.warnf("run %s: aggregator unreachable for progress: %s", runId, e.getMessage());
        }
        boolean complete = run.status() == RunRegistry.Status.PUBLISHED && scored + deadLettered == run.expectedTasks();
        JsonNode specNode = CANONICAL.readTree(run.specJson());
        return Response.ok(new RunStatus(runId, specNode, run.status().name(), run.expectedTasks(),
                run.publishedTasks(), scored, deadLettered, progress, complete, run.error())).build();
    }
}
