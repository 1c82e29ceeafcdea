package dev.headroom.generator;

import dev.headroom.testing.InfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ApiSecurityTest {

    private static final String SPEC = """
            {"benchmark": "mmlu-sample", "limit": 1, "models": ["security-test"]}""";

    @Test
    void aSubmissionWithoutATokenIsRefusedWithAJsonError() {
        given().contentType(ContentType.JSON).body(SPEC).post("/runs")
                .then().statusCode(401).contentType(ContentType.JSON).body("error", containsString("bearer token"));
    }

    @Test
    void aSubmissionWithAWrongTokenIsForbiddenAndTheErrorDoesNotEchoTheToken() {
        given().header("Authorization", "Bearer wrong-token").contentType(ContentType.JSON).body(SPEC).post("/runs")
                .then().statusCode(403).contentType(ContentType.JSON)
                .body(not(containsString("wrong-token"))).body(not(containsString("test-token")));
    }

    @Test
    void readsAreOpenByDefault() {
        given().get("/runs/no-such-run").then().statusCode(404).contentType(ContentType.JSON).body("error", notNullValue());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAJsonError() {
        String huge = "{\"benchmark\": \"" + "x".repeat(1_100_000) + "\"}";
        RunResourceTest.writer().contentType(ContentType.JSON).body(huge).post("/runs")
                .then().statusCode(413).contentType(ContentType.JSON).body("error", containsString("larger than"));
    }

    @Test
    void aBodyThatIsNotJsonGetsAJsonError() {
        RunResourceTest.writer().contentType(ContentType.JSON).body("{\"benchmark\": ").post("/runs")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
    }

    @Test
    void anUnknownPathGetsAJsonError() {
        given().get("/nowhere").then().statusCode(404).contentType(ContentType.JSON).body("error", notNullValue());
    }

    @Test
    void anUnsupportedMethodGetsAJsonError() {
        RunResourceTest.writer().delete("/runs/some-run").then().statusCode(405).contentType(ContentType.JSON);
    }
}
