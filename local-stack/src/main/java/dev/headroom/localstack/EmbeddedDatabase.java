package dev.headroom.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's embedded binaries) listening on 127.0.0.1 only. The directory given to
 * {@link #start(Path)} holds the cluster ({@code pgdata/}, kept across starts) and the server log
 * ({@code postgres.log}).
 *
 * <p>initdb and postgres refuse to run as root. When this JVM is root, zonky runs them through {@code unshare -U}, in a
 * user namespace where they are not root; as any other user it runs them directly.
 *
 * <p>pg_ctl detaches the postmaster from this JVM, so a {@link PostmasterWatcher} shuts it down if this JVM dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    /** initdb trusts local connections; the password only satisfies clients that insist on one. */
    private static final String PASSWORD = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final int LOG_TAIL_LINES = 40;

    private final EmbeddedPostgres postgres;
    private final PostmasterWatcher watcher;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, PostmasterWatcher watcher, int port) {
        this.postgres = postgres;
        this.watcher = watcher;
        this.port = port;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.toAbsolutePath());
        Path pgData = dir.resolve("pgdata");
        Path logFile = dir.resolve("postgres.log");
        int port = Ports.freeLoopbackPort();
        EmbeddedPostgres postgres;
        try {
            postgres = startPostgres(pgData, logFile, port);
        } catch (IOException | RuntimeException e) {
            // zonky leaves a postmaster running when it fails after launching it, e.g. while checking readiness
            PostmasterWatcher.stopPostmaster(pgData);
            throw new IOException("PostgreSQL did not start in " + pgData + ". Tail of " + logFile + ":\n"
                    + LogTail.lastLines(logFile, LOG_TAIL_LINES), e);
        }
        PostmasterWatcher watcher;
        try {
            watcher = PostmasterWatcher.watch(pgData);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, watcher, port);
        OnJvmShutdown.register(database);
        return database;
    }

    /** The server's main process; its backends are its children. */
    public long postmasterPid() {
        return watcher.postmasterPid();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Creates the database unless it exists already. */
    public void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + quoteIdentifier(name));
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        OnJvmShutdown.unregister(this);
        // The watcher goes first: it must not signal a postmaster pid that the OS could already have reused.
        watcher.close();
        postgres.close();
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[127.0.0.1:" + port + "]";
    }

    private static EmbeddedPostgres startPostgres(Path pgData, Path logFile, int port) throws IOException {
        Redirect log = Redirect.appendTo(logFile.toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(PostgresBinaries.directory().toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                // Independent of whatever LANG the machine has, which initdb would otherwise need installed.
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
