package dev.headroom.cli;

import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import dev.headroom.simserver.FaultPlan;
import dev.headroom.simserver.SimServerConfig;
import dev.headroom.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small real run, with a model-server API key and the stack's token set and faults injected, leaves neither secret
 * in any log, any /q/metrics, any stored Kafka message (value, key or header), any Postgres row or any error body.
 */
class SecretLeakTest {

    private static final Path HOME = HeadroomHome.resolve();
    private static final String MODEL = "sim-7b-base";
    private static final String API_KEY = "sk-leak-test-" + dev.headroom.localstack.Secrets.randomToken();
    private static final RunSpec SPEC = new RunSpec(null, "mmlu-sample", "test", List.of(), null,
            List.of(VariantPresets.named("plain"), VariantPresets.named("numbers-reversed")), List.of(MODEL));

    private static LocalStack stack;
    private static Path workDir;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        workDir = Files.createTempDirectory("headroom-leak-");
        Path keyFile = Files.writeString(workDir.resolve("api-key"), API_KEY);
        SimServerConfig faulty = SimServerConfig.plain(Duration.ofMillis(5))
                .withFaults(FaultPlan.everyKind(0.2), Duration.ofSeconds(3));
        stack = LocalStack.startServices(HOME, workDir, new LocalStack.Options(List.of(MODEL), Map.of(), faulty, 1,
                        List.of("-Dheadroom.worker.openai.api-key-file=" + keyFile,
                                "-Dheadroom.worker.openai.request-timeout=1s", "-Dheadroom.worker.retry.max-attempts=2",
                                "-Dheadroom.worker.retry.initial-backoff=10ms")),
                infrastructure.broker(), infrastructure.database(), System.out);
    }

    @AfterAll
    static void stopServices() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void neitherTheApiKeyNorTheTokenAppearsAnywhereARunLeavesData() throws Exception {
        HeadroomClient client = stack.client();
        String runId = client.submit(SPEC);
        Instant deadline = Instant.now().plusSeconds(240);
        while (!client.status(runId).get("complete").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(client.status(runId).get("complete").asBoolean()).as("run complete").isTrue();
        List<String> secrets = List.of(API_KEY, stack.token());

        List<String> places = new ArrayList<>();
        places.addAll(errorBodies());
        places.addAll(metrics());
        places.addAll(kafkaMessages());
        places.addAll(postgresRows());
        places.addAll(logs());

        assertThat(places).hasSizeGreaterThan(100);
        for (String secret : secrets) {
            assertThat(places).noneMatch(text -> text.contains(secret));
        }
    }

    /** Answers to a wrong token, a wrong token that contains the right one, and bodies that do not parse. */
    private static List<String> errorBodies() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI runs = stack.url("prompt-generator").resolve("/runs");
        List<String> bodies = new ArrayList<>();
        for (String authorization : List.of("Bearer wrong", "Bearer " + stack.token() + "x", "Basic " + API_KEY, "")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(runs).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{\"benchmark\": 1"));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isBetween(400, 499);
            bodies.add(response.body());
        }
        HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(runs).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.token()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"benchmark\": \"" + API_KEY + "\"")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
        bodies.add(invalid.body());
        return bodies;
    }

    private static List<String> metrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> pages = new ArrayList<>();
        for (String service : List.of("prompt-generator", "aggregator", "scorer", LocalStack.workerName(MODEL, 1))) {
            pages.add(http.send(HttpRequest.newBuilder(stack.url(service).resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        return pages;
    }

    /** Every record of every topic, each as its key, value and headers in one text. */
    private static List<String> kafkaMessages() {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "secret-leak-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Pattern.compile("[^_].*"));
            Instant quietSince = Instant.now();
            while (Duration.between(quietSince, Instant.now()).toSeconds() < 5) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder(record.topic()).append(' ').append(utf8(record.key()))
                            .append(' ').append(utf8(record.value()));
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=').append(utf8(header.value()));
                    }
                    records.add(text.toString());
                    quietSince = Instant.now();
                }
            }
        }
        assertThat(records).as("records read").isNotEmpty();
        return records;
    }

    /** Every row of every table of the services' schemas, as Postgres prints it. */
    private static List<String> postgresRows() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : StackDatabase.column(stack, "SELECT table_schema || '.' || table_name FROM "
                + "information_schema.tables WHERE table_schema IN ('generator', 'aggregator')")) {
            rows.addAll(StackDatabase.column(stack, "SELECT t::text FROM " + table + " t"));
        }
        return rows;
    }

    private static List<String> logs() throws Exception {
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                logs.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(logs).as("service logs").hasSizeGreaterThanOrEqualTo(4);
        return logs;
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
