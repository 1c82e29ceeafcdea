package dev.headroom.generator;

import dev.headroom.core.message.ModelCard;
import dev.headroom.core.message.PromptTask;
import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class RunResourceTest {

    private static final String SPEC = """
            {"benchmark": "mmlu-sample", "limit": 10, "variants": ["plain", "numbers-reversed"],
             "models": ["gen-test-a", "gen-test-b"]}""";

    /** A request with the test profile's token, which every write needs. */
    static RequestSpecification writer() {
        return given().header("Authorization", "Bearer test-token");
    }

    private static String submit(String spec) {
        return writer().contentType(ContentType.JSON).body(spec).post("/runs")
                .then().statusCode(202).extract().path("runId");
    }

    private static void awaitPublished(String runId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "PUBLISHED".equals(given().get("/runs/" + runId).then().extract().path("status")));
    }

    @Test
    void publishesOneTaskPerItemAndVariantToEachModelsTopic() {
        String runId = submit(SPEC);
        awaitPublished(runId);

        given().get("/runs/" + runId).then().statusCode(200)
                .body("expectedTasks", is(40)).body("publishedTasks", is(40));
        List<KafkaTestClient.Record<PromptTask>> forA = KafkaTestClient.read("prompts.gen-test-a", PromptTask.class, 20, Duration.ofSeconds(30));
        assertThat(forA).hasSize(20).allSatisfy(r -> {
            assertThat(r.value().header().model()).isEqualTo("gen-test-a");
            assertThat(r.key()).isEqualTo(r.value().header().taskId());
        });
        assertThat(forA.stream().map(KafkaTestClient.Record::key).distinct()).hasSize(20);
    }

    @Test
    void metricsExportEachRunsExpectedTasksPerModelAndTheTasksPublished() {
        String spec = SPEC.replace("gen-test-a", "gen-test-metrics").replace(", \"gen-test-b\"", "");
        String runId = submit(spec);
        awaitPublished(runId);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("headroom_run_tasks_expected{model=\"gen-test-metrics\",run=\"" + runId + "\"} 20.0")
                .contains("headroom_tasks_published_total{model=\"gen-test-metrics\"} 20.0");
    }

    @Test
    void resubmittingTheSameSpecIsTheSameRunWithTheSameTaskIds() {
        String spec = SPEC.replace("gen-test-a", "gen-test-c").replace(", \"gen-test-b\"", "");
        String first = submit(spec);
        awaitPublished(first);
        String second = submit(spec);
        awaitPublished(second);

        List<KafkaTestClient.Record<PromptTask>> published = KafkaTestClient.read("prompts.gen-test-c", PromptTask.class, 40, Duration.ofSeconds(30));
        assertThat(second).isEqualTo(first);
        assertThat(published).hasSize(40);
        Map<String, List<PromptTask>> byId = published.stream().collect(Collectors.groupingBy(KafkaTestClient.Record::key,
                Collectors.mapping(KafkaTestClient.Record::value, Collectors.toList())));
        assertThat(byId).hasSize(20).allSatisfy((id, copies) -> assertThat(copies).hasSize(2).containsOnly(copies.get(0)));
    }

    @Test
    void aRunOpenToEveryModelGivesEachNewlyAnnouncedModelItsShare() {
        String spec = SPEC.replace("\"gen-test-a\", \"gen-test-b\"", "\"*\"").replace("\"limit\": 10", "\"limit\": 7");
        String runId = submit(spec);
        given().get("/runs/" + runId).then().statusCode(200).body("expectedTasks", is(0)).body("complete", is(false));

        KafkaTestClient.send("models", Map.of("late-model", new ModelCard(1, "late-model", "sim", "sim", 1e9, "base", 1, null, null)));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Integer.valueOf(14).equals(given().get("/runs/" + runId).then().extract().path("publishedTasks")));
        assertThat(KafkaTestClient.read("prompts.late-model", PromptTask.class, 14, Duration.ofSeconds(30))).hasSize(14)
                .allSatisfy(r -> assertThat(r.value().header().runId()).isEqualTo(runId));
        given().get("/runs/" + runId).then().body("progress.'late-model'.expected", is(14));
    }

    @Test
    void invalidSpecIsRejectedNamingEachProblem() {
        writer().contentType(ContentType.JSON).body("{\"benchmark\": \"mmlu-sample\", \"limit\": 0, \"models\": []}")
                .post("/runs").then().statusCode(400)
                .body("problems", hasItem(startsWith("models:")))
                .body("problems", hasItem(startsWith("limit:")));
    }

    @Test
    void aBudgetForAModelOutsideTheRunIsTheOnlyProblemBesideABudgetInDollars() {
        writer().contentType(ContentType.JSON).body("{\"benchmark\": \"mmlu-sample\", \"models\": [\"m\"],"
                        + " \"budgets\": {\"m\": {\"maxCostUsd\": 2.5}, \"other\": {\"maxCalls\": 10}}}")
                .post("/runs").then().statusCode(400)
                .body("problems", contains(startsWith("budgets.other: not one of the run's models")));
    }

    @Test
    void unknownBenchmarkIsABadRequest() {
        writer().contentType(ContentType.JSON).body("{\"benchmark\": \"nope\", \"models\": [\"m\"]}")
                .post("/runs").then().statusCode(400).body("error", startsWith("benchmark: unknown benchmark 'nope'"));
    }

    @Test
    void aBenchmarkInAnotherFormatIsAskedByItsName() {
        String runId = submit("{\"benchmark\": \"tiny-mc1\", \"split\": \"validation\", \"models\": [\"gen-test-d\"]}");
        awaitPublished(runId);

        given().get("/runs/" + runId).then().statusCode(200).body("publishedTasks", is(3));
    }

    @Test
    void askingForASplitTheBenchmarkLacksIsABadRequest() {
        writer().contentType(ContentType.JSON).body("{\"benchmark\": \"tiny-mc1\", \"models\": [\"m\"]}")
                .post("/runs").then().statusCode(400)
                .body("error", is("benchmark 'tiny-mc1' has no split 'test'; it has [validation]"));
    }

    @Test
    void fewShotOnABenchmarkWithoutAFewShotSplitIsABadRequest() {
        writer().contentType(ContentType.JSON)
                .body("{\"benchmark\": \"tiny-mc1\", \"split\": \"validation\", \"variants\": [\"plain-5shot\"], \"models\": [\"m\"]}")
                .post("/runs").then().statusCode(400)
                .body("error", startsWith("benchmark 'tiny-mc1' has no few-shot split"));
    }

    @Test
    void unknownRunIsNotFound() {
        given().get("/runs/no-such-run").then().statusCode(404);
    }
}
