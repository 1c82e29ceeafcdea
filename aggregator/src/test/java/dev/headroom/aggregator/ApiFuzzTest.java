package dev.headroom.aggregator;

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

    @TestHTTPResource("/")
    URI base;

    @Test
    void randomRequestsGetNoServerErrorAndNoHang() {
        List<RestFuzzer.Endpoint> endpoints = List.of("/runs", "/runs/{}/summary", "/runs/{}/statistics", "/runs/{}/trends",
                "/runs/{}/models/{}/variants", "/runs/{}/models/{}/items").stream()
                .map(path -> new RestFuzzer.Endpoint("GET", path, null)).toList();
        RestFuzzer.Result result = new RestFuzzer(base, endpoints, "test-token", 11).run(1000);

        System.out.println("aggregator fuzz: " + result.statuses());
        assertThat(result.requests()).isEqualTo(1000);
        assertThat(result.serverErrors()).isEmpty();
        assertThat(result.timeouts()).isEmpty();
        assertThat(result.transportErrors()).isEmpty();
    }
}
