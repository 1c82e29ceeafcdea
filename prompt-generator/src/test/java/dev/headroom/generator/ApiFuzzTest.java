package dev.headroom.generator;

import dev.headroom.testing.InfrastructureTestResource;
import dev.headroom.testing.RestFuzzer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 1,000 seeded random requests: every one is answered, none with a 5xx. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ApiFuzzTest {

    private static final String SPEC = """
            {"benchmark": "mmlu-sample", "split": "test", "limit": 2, "variants": ["plain"], "models": ["fuzz-model"]}""";

    @TestHTTPResource("/")
    URI base;

    @Test
    void randomRequestsGetNoServerErrorAndNoHang() {
        RestFuzzer.Result result = new RestFuzzer(base, List.of(new RestFuzzer.Endpoint("POST", "/runs", SPEC),
                new RestFuzzer.Endpoint("GET", "/runs/{}", null)), "test-token", 7).run(1000);

        System.out.println("generator fuzz: " + result.statuses());
        assertThat(result.requests()).isEqualTo(1000);
        assertThat(result.serverErrors()).isEmpty();
        assertThat(result.timeouts()).isEmpty();
        assertThat(result.transportErrors()).isEmpty();
    }
}
