package dev.headroom.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) in a child JVM, listening on
 * 127.0.0.1. Its data and its log, {@code broker.log}, live in the work directory given to {@link #start(Path)}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final String LOG4J2_CONFIG = "classpath:dev/headroom/localstack/kafka-broker-log4j2.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;

    private final ChildJvm jvm;
    private final int port;

    private KafkaBroker(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * Starts the broker on fresh loopback ports and returns once it answers admin requests. The data in
     * {@code workDir} is kept: a directory that an earlier broker used is started with that broker's topics.
     */
    public static KafkaBroker start(Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        int port = Ports.freeLoopbackPort();
        int controllerPort = otherFreeLoopbackPort(port);
        Path dataDir = dir.resolve("kraft-data");
        Path config = writeServerProperties(dir, dataDir, port, controllerPort);
        List<Path> classpath = brokerClasspath();
        Path logFile = dir.resolve("broker.log");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            formatStorage(classpath, config, logFile, dir);
        }

        ChildJvm jvm = ChildJvm.builder("kafka.Kafka")
                .classpath(classpath)
                // Serial GC: a 2-core machine runs several JVMs, and G1 would give each of them extra GC threads.
                .jvmArgs("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + LOG4J2_CONFIG)
                .args(config.toString())
                .workingDir(dir)
                .logFile(logFile)
                .build();
        KafkaBroker broker = new KafkaBroker(jvm, port);
        broker.startAndAwaitReady();
        return broker;
    }

    public long pid() {
        return jvm.pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker gracefully and starts it again on the same port with the same data. */
    public void restart() throws IOException {
        jvm.stop(STOP_GRACE);
        startAndAwaitReady();
    }

    public Path logFile() {
        return jvm.logFile();
    }

    @Override
    public void close() {
        jvm.stop(STOP_GRACE);
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + "]";
    }

    private void startAndAwaitReady() throws IOException {
        jvm.start();
        try {
            awaitReady();
        } catch (IOException | RuntimeException e) {
            jvm.stop(STOP_GRACE);
            throw e;
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // Waiting for the port first keeps the admin client from logging a warning per refused connection.
        while (!acceptsConnections()) {
            pauseUnlessGivenUp(deadline, null);
        }
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "1000");
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes().get();
                    return;
                } catch (ExecutionException e) {
                    pauseUnlessGivenUp(deadline, e.getCause());
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void pauseUnlessGivenUp(long deadline, Throwable lastError) throws IOException {
        if (!jvm.isAlive()) {
            throw new IOException("Kafka broker exited with status " + jvm.exitValue() + " while starting. Tail of "
                    + jvm.logFile() + ":\n" + jvm.logTail(LOG_TAIL_LINES));
        }
        if (System.nanoTime() > deadline) {
            throw new IOException("Kafka broker at " + bootstrapServers() + " not ready after " + READY_TIMEOUT
                    + (lastError == null ? "" : " (last error: " + lastError + ")") + ". Tail of " + jvm.logFile()
                    + ":\n" + jvm.logTail(LOG_TAIL_LINES));
        }
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static void formatStorage(List<Path> classpath, Path config, Path logFile, Path workDir)
            throws IOException {
        ChildJvm format = ChildJvm.builder("kafka.tools.StorageTool")
                .classpath(classpath)
                // A short-lived tool: the quickest start matters more than peak speed.
                .jvmArgs("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dlog4j2.configurationFile=" + LOG4J2_CONFIG)
                .args("format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString())
                .workingDir(workDir)
                .logFile(logFile)
                .start();
        try {
            if (!format.awaitExit(FORMAT_TIMEOUT)) {
                format.kill();
                throw new IOException("Formatting Kafka storage took longer than " + FORMAT_TIMEOUT + ". Tail of "
                        + logFile + ":\n" + format.logTail(LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            format.kill();
            throw interrupted(e);
        }
        if (format.exitValue() != 0) {
            throw new IOException("Formatting Kafka storage failed with status " + format.exitValue() + ". Tail of "
                    + logFile + ":\n" + format.logTail(LOG_TAIL_LINES));
        }
    }

    private static Path writeServerProperties(Path workDir, Path dataDir, int port, int controllerPort)
            throws IOException {
        String listener = "127.0.0.1:" + port;
        String controller = "127.0.0.1:" + controllerPort;
        List<String> lines = List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + listener + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + listener,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=4",
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0",
                // One broker: internal topics cannot have more than one replica. Their default of 50 partitions
                // each only slows the first consumer group and transaction down.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1");
        Path config = workDir.resolve("server.properties");
        Files.write(config, lines, StandardCharsets.UTF_8);
        return config;
    }

    private static List<Path> brokerClasspath() throws IOException {
        String classpath;
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException(CLASSPATH_RESOURCE + " is missing: build local-stack with Maven");
            }
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        List<Path> entries = Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of)
                .collect(Collectors.toList());
        List<Path> missing = entries.stream().filter(entry -> !Files.exists(entry)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IOException("The Kafka broker classpath names jars that are not in the local Maven repository "
                    + "(rebuild local-stack with Maven): " + missing);
        }
        return entries;
    }

    private static int otherFreeLoopbackPort(int taken) {
        int port = Ports.freeLoopbackPort();
        while (port == taken) {
            port = Ports.freeLoopbackPort();
        }
        return port;
    }

    private static InterruptedIOException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException exception = new InterruptedIOException("Interrupted while starting the Kafka broker");
        exception.initCause(e);
        return exception;
    }
}
