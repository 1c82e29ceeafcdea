package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.report.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The model cards the deployment's workers announced. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models announced to a running deployment, with their cards.")
public class ModelsCommand implements Callable<Integer> {

    @Mixin
    Deployment deployment;

    @Override
    public Integer call() {
        JsonNode models = deployment.client().models();
        String format = "%-28s  %-8s  %-12s  %10s  %-10s  %11s  %s%n";
        System.out.printf(format, "model", "backend", "family", "parameters", "type", "concurrency", "usd/M in, out");
        for (JsonNode card : models) {
            double parameters = card.path("parameterCount").asDouble();
            System.out.printf(format, card.path("name").asText(), card.path("backend").asText(),
                    card.path("family").asText(), Numbers.parameters(parameters), card.path("type").asText(), card.path("maxConcurrency").asInt(),
                    card.path("usdPerMillionPromptTokens").isNumber()
                            ? card.path("usdPerMillionPromptTokens").asDouble() + ", "
                                    + card.path("usdPerMillionCompletionTokens").asDouble()
                            : "unknown");
        }
        if (models.isEmpty()) {
            System.err.println("no model announced yet: a worker announces its model when it starts");
        }
        return 0;
    }
}
