package dev.headroom.aggregator;

import dev.headroom.core.message.ModelCard;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;

/** The latest card of every model announced, as JSON or CSV. */
@Path("/models")
@Produces({MediaType.APPLICATION_JSON, Representation.CSV})
public class ModelsResource {

    @Inject
    ModelCards cards;

    @Context
    HttpHeaders headers;

    @GET
    public Response models(@QueryParam("format") String format) {
        List<ModelCard> all = List.copyOf(cards.all().values());
        return Representation.of(format, headers, all, () -> new CsvTable(List.of("name", "backend", "family",
                "parameter_count", "type", "max_concurrency", "usd_per_million_prompt_tokens",
                "usd_per_million_completion_tokens"), all.stream().<List<?>>map(card -> Arrays.asList(card.name(),
                card.backend(), card.family(), card.parameterCount(), card.type(), card.maxConcurrency(),
                // empty cells when the card has no prices (unknown, not free)
                card.usdPerMillionPromptTokens(), card.usdPerMillionCompletionTokens())).toList()));
    }
}
