package dev.headroom.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.run.RunSpec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Remembers every announced model and gives it its share of every run open to every model. Topic: models. */
@ApplicationScoped
public class ModelAnnouncements {

    @Inject
    ModelDirectory directory;

    @Inject
    RunRegistry registry;

    @Inject
    BenchmarkCatalog catalog;

    @Inject
    RunLauncher launcher;

    @Inject
    ObjectMapper json;

    @Incoming("models")
    @Blocking
    public void announced(ModelCard card) throws JsonProcessingException {
        directory.remember(card);
        for (String runId : registry.openRunsWithout(card.name())) {
            RunSpec spec = json.readValue(registry.find(runId).orElseThrow().specJson(), RunSpec.class);
            Log.infof("run %s: model %s announced, publishing its share", runId, card.name());
            launcher.launch(catalog.plan(runId, spec), card.name());
        }
    }
}
