package dev.headroom.simserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.testing.RestFuzzer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 1,000 seeded random requests to a sim server without injected faults: every one answered, none with a 5xx. */
class ApiFuzzTest {

    @Test
    void randomRequestsGetNoServerErrorAndNoHang() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String chat = json.writeValueAsString(SimServerTest.request("sim-oracle"));
        String completion = json.writeValueAsString(Map.of("model", "sim-oracle", "prompt", "Q? Answer:",
                "max_tokens", 1, "logprobs", 5));
        try (SimServer server = SimServer.start(SimServerConfig.plain(Duration.ofMillis(1)))) {
            URI base = URI.create(server.baseUrl() + "/");
            RestFuzzer.Result result = new RestFuzzer(base, List.of(new RestFuzzer.Endpoint("POST", "chat/completions", chat),
                    new RestFuzzer.Endpoint("POST", "completions", completion),
                    new RestFuzzer.Endpoint("GET", "models", null)), null, 13).run(1000);

            System.out.println("sim-server fuzz: " + result.statuses());
            assertThat(result.requests()).isEqualTo(1000);
            assertThat(result.serverErrors()).isEmpty();
            assertThat(result.timeouts()).isEmpty();
            assertThat(result.transportErrors()).isEmpty();
        }
    }
}
