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
    private static final String DUPLICATE_ROLE = "42710";
    private static final String OWNER_ROLE = "headroom_owner";
    private static final String APP_ROLE = "headroom_app";
    private static final int LOG_TAIL_LINES = 40;

    private final EmbeddedPostgres postgres;
    private final PostmasterWatcher watcher;
    private final int port;
    /** Random passwords, made once per server so that stacks sharing it share the roles. */
    private final ServiceRoles roles = new ServiceRoles(OWNER_ROLE, Secrets.randomToken(), APP_ROLE, Secrets.randomToken());

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

    /**
     * Creates (or re-keys) the owner and app roles and gives them the database: the owner may create schemas in it;
     * whatever the owner creates there, the app may use (schemas) and read and write (tables, sequences), nothing more.
     */
    public ServiceRoles grantServiceRoles(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, PASSWORD);
                Statement statement = connection.createStatement()) {
            createOrRekeyRole(statement, roles.ownerUser(), roles.ownerPassword());
            createOrRekeyRole(statement, roles.appUser(), roles.appPassword());
            String db = quoteIdentifier(database);
            String owner = quoteIdentifier(roles.ownerUser());
            String app = quoteIdentifier(roles.appUser());
            statement.execute("GRANT CONNECT, CREATE ON DATABASE " + db + " TO " + owner);
            statement.execute("GRANT CONNECT ON DATABASE " + db + " TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " GRANT USAGE ON SCHEMAS TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
        }
        return roles;
    }

    private static void createOrRekeyRole(Statement statement, String role, String password) throws SQLException {
        // DDL takes no bind parameters; the passwords are hex from SecureRandom, quoted all the same
        String literal = "'" + password.replace("'", "''") + "'";
        try {
            statement.execute("CREATE ROLE " + quoteIdentifier(role) + " LOGIN PASSWORD " + literal);
        } catch (SQLException e) {
            if (!DUPLICATE_ROLE.equals(e.getSQLState())) {
                throw e;
            }
            statement.execute("ALTER ROLE " + quoteIdentifier(role) + " LOGIN PASSWORD " + literal);
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
