package dev.headroom.cli;

import dev.headroom.core.sim.SimProfile;
import dev.headroom.core.sim.SimProfiles;
import dev.headroom.localstack.ChildJvm;
import dev.headroom.localstack.EmbeddedDatabase;
import dev.headroom.localstack.KafkaBroker;
import dev.headroom.localstack.Ports;
import dev.headroom.localstack.Secrets;
import dev.headroom.localstack.ServiceRoles;
import dev.headroom.simserver.SimServer;
import dev.headroom.simserver.SimServerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded default: a real Kafka broker, a real PostgreSQL and the four services, each its own process on
 * 127.0.0.1, none of which outlives this JVM.
 */
public final class LocalStack implements AutoCloseable {

    private static final String DATABASE = "headroom";
    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /**
     * @param workerModels     worker processes per model, each serving the sim profile of that name
     * @param benchmarks       benchmark name to data directory, beside the bundled sample
     * @param simServer        the sim server the workers reach over HTTP, the production path; null for workers that
     *                         play the sims in-process
     * @param replicasPerModel worker processes per model, one consumer group
     * @param workerProperties further system properties of every worker, e.g. -Dheadroom.worker.max-concurrency=64
     */
    public record Options(List<String> workerModels, Map<String, Path> benchmarks, SimServerConfig simServer,
                          int replicasPerModel, List<String> workerProperties) {

        /** The demo's latency: enough to look like a server, small enough for a quick demo. */
        static final Duration DEMO_LATENCY = Duration.ofMillis(20);

        /** One worker per model, reaching the sims through a sim server with the demo's latency. */
        public Options(List<String> workerModels, Map<String, Path> benchmarks) {
            this(workerModels, benchmarks, SimServerConfig.plain(DEMO_LATENCY), 1, List.of());
        }
    }

    private final Path home;
    private final Path workDir;
    private final PrintStream log;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ChildJvm> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** This stack's API token: the services require it on writes, its client sends it. */
    private final String token = Secrets.randomToken();
    private ServiceRoles roles;
    private KafkaBroker broker;
    private EmbeddedDatabase database;
    private SimServer simServer;
    /** The backend settings every worker starts with: the sim server's address when there is one. */
    private List<String> workerBackend = List.of();

    private LocalStack(Path home, Path workDir, PrintStream log) {
        this.home = home;
        this.workDir = workDir;
        this.log = log;
    }

    /** Starts everything, and stops everything on close. */
    public static LocalStack start(Path home, Path workDir, Options options, PrintStream log) {
        LocalStack stack = new LocalStack(home, workDir, log);
        return stack.startOrClose(() -> {
            Instant begin = Instant.now();
            stack.broker = KafkaBroker.start(workDir.resolve("kafka"));
            stack.started.add(stack.broker);
            stack.database = EmbeddedDatabase.start(workDir.resolve("postgres"));
            stack.started.add(stack.database);
            log.printf("kafka %s and postgres ready in %.1f s%n", stack.broker.bootstrapServers(), seconds(begin));
            stack.startServices(options);
        });
    }

    /** Starts the services on a broker and a database that someone else owns and stops. */
    public static LocalStack startServices(Path home, Path workDir, Options options, KafkaBroker broker,
                                           EmbeddedDatabase database, PrintStream log) {
        LocalStack stack = new LocalStack(home, workDir, log);
        stack.broker = broker;
        stack.database = database;
        return stack.startOrClose(() -> stack.startServices(options));
    }

    private interface Step {
        void run() throws IOException;
    }

    private LocalStack startOrClose(Step startUp) {
        try {
            startUp.run();
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startServices(Options options) throws IOException {
        Instant begin = Instant.now();
        try {
            database.createDatabase(DATABASE);
            roles = database.grantServiceRoles(DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + DATABASE + " failed", e);
        }

        int aggregatorPort = Ports.freeLoopbackPort();
        launch("aggregator", "aggregator", aggregatorPort, true, List.of());
        List<String> generatorProperties = new ArrayList<>(List.of(
                "-Dquarkus.rest-client.aggregator.url=http://127.0.0.1:" + aggregatorPort,
                "-Dheadroom.generator.benchmarks.mmlu-sample.path=" + home.resolve("samples/mmlu-sample")));
        options.benchmarks().forEach((name, dir) ->
                generatorProperties.add("-Dheadroom.generator.benchmarks." + name + ".path=" + dir.toAbsolutePath()));
        launch("prompt-generator", "prompt-generator", Ports.freeLoopbackPort(), true, generatorProperties);
        launch("scorer", "scorer", Ports.freeLoopbackPort(), false, List.of());
        List<String> backend = new ArrayList<>();
        if (options.simServer() != null) {
            simServer = SimServer.start(options.simServer());
            started.add(simServer);
            log.println("sim server (simulated models, not real ones) at " + simServer.baseUrl());
            // with log-probabilities, so the scorer scores by probability: the sim server reports the answered label as
            // the most probable, so that gives the sampled answers and the true accuracy the profile documents
            backend.addAll(List.of("-Dheadroom.worker.backend=openai",
                    "-Dheadroom.worker.openai.base-url=" + simServer.baseUrl(), "-Dheadroom.worker.openai.sim-task=true"));
        }
        backend.addAll(options.workerProperties());
        workerBackend = List.copyOf(backend);
        for (String model : options.workerModels()) {
            for (int replica = 1; replica <= options.replicasPerModel(); replica++) {
                launchWorker(model, replica);
            }
        }
        for (String service : services.keySet()) {
            awaitReady(service);
        }
        log.printf("%d services ready in %.1f s%n", services.size(), seconds(begin));
    }

    /** Deploys one more worker, for a model that may be new to the running stack. */
    public void startWorker(String model) {
        try {
            launchWorker(model, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(workerName(model, 1));
    }

    private void launchWorker(String model, int replica) throws IOException {
        List<String> properties = new ArrayList<>(workerBackend);
        properties.add("-Dheadroom.worker.model=" + model);
        if (simServer != null) {
            // asked over HTTP the worker cannot know the sim's size and type; the card carries them for the trends
            SimProfile sim = SimProfiles.named(model);
            properties.addAll(List.of("-Dheadroom.worker.card.family=" + sim.family(),
                    "-Dheadroom.worker.card.parameter-count=" + sim.parameterCount(),
                    "-Dheadroom.worker.card.type=" + sim.type()));
        }
        launch("inference-worker", workerName(model, replica), Ports.freeLoopbackPort(), true, properties);
    }

    static String workerName(String model, int replica) {
        return replica == 1 ? "worker-" + model : "worker-" + model + "-" + replica;
    }

    private void launch(String module, String name, int port, boolean usesDatabase, List<String> properties)
            throws IOException {
        Path app = home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(app + " is missing: build with ./mvnw -DskipTests install");
        }
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx384m", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + broker.bootstrapServers()));
        jvmArgs.addAll(properties);
        ChildJvm.Builder builder = ChildJvm.builder(QUARKUS_MAIN)
                .classpath(app)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .workingDir(home)
                .logFile(workDir.resolve("logs").resolve(name + ".log"))
                // secrets through the environment, not the command line that ps shows
                .env("HEADROOM_SECURITY_TOKEN", token);
        if (usesDatabase) {
            // least privilege: the service reads and writes rows as the app role; only Flyway connects as the owner
            builder.env("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(DATABASE))
                    .env("QUARKUS_DATASOURCE_USERNAME", roles.appUser())
                    .env("QUARKUS_DATASOURCE_PASSWORD", roles.appPassword())
                    .env("QUARKUS_FLYWAY_USERNAME", roles.ownerUser())
                    .env("QUARKUS_FLYWAY_PASSWORD", roles.ownerPassword());
        }
        ChildJvm service = builder.start();
        started.add(service);
        services.put(name, service);
        ports.put(name, port);
    }

    private void awaitReady(String name) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = url(name).resolve("/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            ChildJvm service = services.get(name);
            if (!service.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; its log " + service.logFile()
                        + " ends:\n" + service.logTail(30));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT.toSeconds() + " s; its log "
                + services.get(name).logFile() + " ends:\n" + services.get(name).logTail(30));
    }

    /** SIGTERM, as an orchestrator stops a pod: the service drains, then exits (SIGKILL after {@code grace}). */
    public void stop(String service, Duration grace) {
        services.get(service).stop(grace);
    }

    /** SIGKILL, as a crash would. */
    public void kill(String service) {
        services.get(service).kill();
    }

    /** Starts a stopped or killed service again, on its port and settings, and waits until it is ready. */
    public void restart(String service) {
        try {
            services.get(service).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(service);
    }

    public Path serviceLog(String service) {
        return services.get(service).logFile();
    }

    /** The names of the running stack's services: aggregator, prompt-generator, scorer, worker-&lt;model&gt;... */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public URI url(String service) {
        return URI.create("http://127.0.0.1:" + ports.get(service));
    }

    public HeadroomClient client() {
        return new HeadroomClient(url("prompt-generator"), url("aggregator"), token);
    }

    /** The API token this stack's services require. */
    public String token() {
        return token;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public String jdbcUrl() {
        return database.jdbcUrl(DATABASE);
    }

    public EmbeddedDatabase database() {
        return database;
    }

    /** The process of each service, of the broker and of the database server, by name. */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, service) -> pids.put(name, service.pid()));
        pids.put("kafka", broker.pid());
        pids.put("postgres", database.postmasterPid());
        return pids;
    }

    /** The sim server the workers reach, if the options asked for one. */
    public SimServer simServer() {
        return simServer;
    }

    /** The services together (each drains on SIGTERM), then the database and the broker. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ChildJvm service : services.values()) {
            stopping.add(CompletableFuture.runAsync(() -> closeQuietly(service)));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        for (int i = started.size() - 1; i >= 0; i--) {
            if (!services.containsValue(started.get(i))) {
                closeQuietly(started.get(i));
            }
        }
        started.clear();
        services.clear();
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.println("stopping " + resource + " failed: " + e);
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
