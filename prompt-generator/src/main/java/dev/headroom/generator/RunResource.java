package dev.headroom.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.headroom.core.Hashing;
import dev.headroom.core.message.ModelCard;
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
import dev.headroom.service.ApiError;
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
    ModelDirectory directory;

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
        RunSpec identified = spec.withId(runId);
        RunPlan plan = catalog.plan(runId, identified);
        String specJson = CANONICAL.writeValueAsString(identified);
        String stored = registry.register(runId, specJson);
        if (!CANONICAL.readTree(stored).equals(CANONICAL.readTree(specJson))) {
            return ApiError.of(Response.Status.CONFLICT, "run id '" + runId + "' is taken by another spec", List.of());
        }
        List<String> models = identified.openToEveryModel()
                ? directory.all().stream().map(ModelCard::name).toList()
                : identified.models();
        models.forEach(model -> launcher.launch(plan, model));
        return Response.accepted(Map.of("runId", runId, "models", models,
                "expectedTasks", models.stream().mapToLong(plan::expectedTasks).sum())).build();
    }

    @GET
    @Path("/{runId}")
    public Response status(@PathParam("runId") String runId) throws JsonProcessingException {
        RunRegistry.RegisteredRun run = registry.find(runId).orElse(null);
        if (run == null) {
            return ApiError.of(Response.Status.NOT_FOUND, "no run '" + runId + "'", List.of());
        }
        RunSummary summary = summaryOrEmpty(runId);
        Map<String, RunStatus.ModelProgress> progress = new LinkedHashMap<>();
        long expected = 0;
        long published = 0;
        long scored = 0;
        long deadLettered = 0;
        boolean allDone = true;
        for (RunRegistry.ModelShare share : run.models()) {
            long modelScored = summary.scored(share.model());
            long modelDead = summary.deadLettered(share.model());
            progress.put(share.model(), new RunStatus.ModelProgress(share.expectedTasks(), share.publishedTasks(),
                    modelScored, modelDead, share.status().name(), share.error(),
                    share.budgetEstimate() == null ? null : CANONICAL.readTree(share.budgetEstimate())));
            expected += share.expectedTasks();
            published += share.publishedTasks();
            scored += modelScored;
            deadLettered += modelDead;
            allDone &= modelScored + modelDead == share.expectedTasks();
        }
        boolean complete = run.status() == RunRegistry.Status.PUBLISHED && !run.models().isEmpty() && allDone;
        return Response.ok(new RunStatus(runId, CANONICAL.readTree(run.specJson()), run.status().name(), expected,
                published, scored, deadLettered, progress, complete)).build();
    }

    private RunSummary summaryOrEmpty(String runId) {
        try {
            return aggregator.summary(runId);
        } catch (RuntimeException e) {
            Log.warnf("run %s: aggregator unreachable for progress: %s", runId, e.getMessage());
            return new RunSummary(runId, List.of(), List.of(), List.of());
        }
    }
}
