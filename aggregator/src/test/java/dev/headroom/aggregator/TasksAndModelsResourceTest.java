package dev.headroom.aggregator;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.Score;
import dev.headroom.core.variant.Variant;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class TasksAndModelsResourceTest {

    @Test
    void tasksOfARunAreOneRowPerTaskWithEveryField() throws IOException {
        List<Variant> variants = TestScores.variants(2);
        List<Score> scores = List.of(
                TestScores.score("export-run", "em", "geo", 0, variants.get(0), 1, 1),
                TestScores.score("export-run", "em", "geo", 0, variants.get(1), null, 1),
                TestScores.costing(TestScores.score("export-run", "em", "geo", 1, variants.get(1), 2, 0), 0.0025));
        KafkaTestClient.send("scores", TestScores.byTaskId(scores));
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.get("/runs/export-run/tasks").then()
                .extract().jsonPath().getList("$").size() == scores.size());

        JsonPath json = RestAssured.get("/runs/export-run/tasks").then().statusCode(200).extract().jsonPath();
        Score unparsed = scores.get(1);
        Map<String, Object> row = json.getMap("find { it.taskId == '" + unparsed.header().taskId() + "' }");
        assertThat(row).containsEntry("outcome", "UNPARSED").containsEntry("goldIndex", 1)
                .containsEntry("variantName", variants.get(1).name()).containsEntry("labels",
                        unparsed.header().labels()).containsKeys("dimensions", "storedAt", "presentedOrder");
        assertThat(row.get("chosenIndex")).isNull();
        assertThat(row).containsKey("costUsd");
        assertThat(json.getDouble("find { it.taskId == '" + scores.get(2).header().taskId() + "' }.costUsd"))
                .isCloseTo(0.0025, within(1e-9));

        String csv = RestAssured.get("/runs/export-run/tasks?format=csv").then().statusCode(200).extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(3).extracting(r -> r.get("task_id"))
                .containsExactlyInAnyOrderElementsOf(scores.stream().map(s -> s.header().taskId()).toList());
        assertThat(records.get(0).toMap()).containsKeys("labels", "presented_order", "gold_probability", "cost_usd", "stored_at",
                "variant_labels");
    }

    @Test
    void modelsListsTheAnnouncedCards() {
        ModelCard card = new ModelCard(Messages.SCHEMA_VERSION, "listed-model", "openai", "qwen", 7e9, "instruct", 8,
                0.1, 0.2);
        ModelCard unpriced = new ModelCard(Messages.SCHEMA_VERSION, "unpriced-model", "sim", "sim", 1e9, "base", 4,
                null, null);
        KafkaTestClient.send("models", card.name(), card, Map.of());
        KafkaTestClient.send("models", unpriced.name(), unpriced, Map.of());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(RestAssured.get("/models").then()
                .statusCode(200).extract().jsonPath().getList("name", String.class)).contains("listed-model", "unpriced-model"));
        assertThat(RestAssured.get("/models?format=csv").then().statusCode(200).extract().asString())
                .contains("listed-model,openai,qwen,7.0E9,instruct,8,0.1,0.2")
                .as("unknown prices are empty cells, not 0").contains("unpriced-model,sim,sim,1.0E9,base,4,,");
    }
}
