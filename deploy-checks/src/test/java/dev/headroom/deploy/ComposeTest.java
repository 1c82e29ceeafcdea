package dev.headroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headroom.localstack.EmbeddedDatabase;
import dev.headroom.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docker-compose.yml, checked by Debian's docker-compose without a container engine. */
class ComposeTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] EVERY_PROFILE = {"--profile", "vllm", "--profile", "ollama"};

    @Test
    void composeFileValidatesWithEveryProfile() {
        Tool.Result result = Tool.DOCKER_COMPOSE.run(concat(EVERY_PROFILE, "-f", Repo.COMPOSE.toString(), "config", "-q"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** A service image built from deploy/Dockerfile is a Quarkus service, and Prometheus must scrape it. */
    @Test
    void prometheusScrapesEveryQuarkusServiceOfTheComposeFile() throws IOException {
        JsonNode services = resolvedCompose().path("services");
        Set<String> quarkusServices = new TreeSet<>();
        services.fields().forEachRemaining(service -> {
            if (service.getValue().path("build").path("dockerfile").asText().endsWith("deploy/Dockerfile")) {
                quarkusServices.add(service.getKey() + ":8080");
            }
        });
        Set<String> scraped = new TreeSet<>();
        for (JsonNode job : YAML.readTree(Repo.PROMETHEUS_CONFIG.toFile()).path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).as(job.path("job_name").asText()).isEqualTo("/q/metrics");
            job.path("static_configs").forEach(config -> config.path("targets").forEach(target -> scraped.add(target.asText())));
        }

        assertThat(quarkusServices).hasSizeGreaterThanOrEqualTo(7);
        assertThat(scraped).isEqualTo(quarkusServices);
    }

    /** A worker looks up the completions already paid for in its schema before it asks its model. */
    @Test
    void everyWorkerHasTheDatasource() throws IOException {
        List<String> workers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : iterable(resolvedCompose().path("services"))) {
            if (service.getValue().path("build").path("args").path("MODULE").asText().equals("inference-worker")) {
                workers.add(service.getKey());
                assertThat(service.getValue().path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText()).as(service.getKey())
                        .isEqualTo("jdbc:postgresql://postgres:5432/headroom");
                assertThat(service.getValue().path("environment").path("QUARKUS_DATASOURCE_PASSWORD").asText()).as(service.getKey())
                        .isNotEmpty();
                assertThat(service.getValue().path("depends_on").path("postgres").path("condition").asText()).as(service.getKey())
                        .isEqualTo("service_healthy");
            }
        }
        assertThat(workers).contains("worker-sim-1b-base", "worker-vllm", "worker-ollama");
    }

    /**
     * The compose file's init script, run with psql against a real PostgreSQL as the image runs it: the services' role
     * reads and writes the rows of a table the owner (Flyway) creates later, and may not create or drop tables.
     */
    @Test
    void theServicesDatabaseRoleGetsRowsButNoDdl() throws Exception {
        Tool.PSQL.require();
        EmbeddedDatabase database = TestInfrastructure.get().database();
        database.createDatabase("compose_roles");
        ProcessBuilder script = new ProcessBuilder("sh", Repo.HOME.resolve("deploy/postgres/app-role.sh").toString())
                .redirectErrorStream(true);
        script.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(database.port()),
                "PGPASSWORD", database.password(), "POSTGRES_USER", database.user(), "POSTGRES_DB", "compose_roles",
                "HEADROOM_APP_DB_USER", "compose_app", "HEADROOM_APP_DB_PASSWORD", "app-secret"));
        Process run = script.start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor()).as(output).isZero();

        try (Connection owner = DriverManager.getConnection(database.jdbcUrl("compose_roles"), database.user(),
                database.password())) {
            owner.createStatement().execute("CREATE SCHEMA migrated; CREATE TABLE migrated.t (x int)");
        }
        try (Connection app = DriverManager.getConnection(database.jdbcUrl("compose_roles"), "compose_app", "app-secret")) {
            Statement statement = app.createStatement();
            statement.execute("INSERT INTO migrated.t VALUES (1); UPDATE migrated.t SET x = 2; DELETE FROM migrated.t");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE migrated.u (x int)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("DROP TABLE migrated.t")).hasMessageContaining("must be owner");
        }
    }

    @Test
    void everyFileTheComposeFileMountsOrBuildsFromExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : iterable(resolvedCompose().path("services"))) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                if (volume.path("type").asText().equals("bind") && !Files.exists(Path.of(volume.path("source").asText()))) {
                    missing.add(service.getKey() + ": " + volume.path("source").asText());
                }
            }
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode() && !Files.isRegularFile(Path.of(build.path("context").asText(), build.path("dockerfile").asText()))) {
                missing.add(service.getKey() + ": " + build.path("dockerfile").asText());
            }
        }
        assertThat(missing).isEmpty();
    }

    private static JsonNode resolvedCompose() throws IOException {
        Tool.Result result = Tool.DOCKER_COMPOSE.run(concat(EVERY_PROFILE, "-f", Repo.COMPOSE.toString(), "config"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return YAML.readTree(result.output());
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private static String[] concat(String[] first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
