package dev.headroom.testing;

import dev.headroom.localstack.EmbeddedDatabase;
import dev.headroom.localstack.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The real Kafka broker and PostgreSQL that every integration test of one JVM shares: started on first use,
 * stopped when the JVM exits.
 */
public final class TestInfrastructure {

    public static final String DATABASE = "headroom";

    private static TestInfrastructure instance;

    private final KafkaBroker broker;
    private final EmbeddedDatabase database;

    private TestInfrastructure(KafkaBroker broker, EmbeddedDatabase database) {
        this.broker = broker;
        this.database = database;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                Path workDir = Files.createTempDirectory("headroom-test-");
                KafkaBroker broker = KafkaBroker.start(workDir.resolve("kafka"));
                EmbeddedDatabase database = EmbeddedDatabase.start(workDir.resolve("postgres"));
                database.createDatabase(DATABASE);
                instance = new TestInfrastructure(broker, database);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-infrastructure-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("creating the test database failed", e);
            }
        }
        return instance;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public String jdbcUrl() {
        return database.jdbcUrl(DATABASE);
    }

    private void close() {
        try (broker; database) {
            // both are stopped, in reverse order, even if one fails
        } catch (Exception e) {
            System.err.println("stopping the test infrastructure failed: " + e);
        }
    }
}
