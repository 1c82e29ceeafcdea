package dev.headroom.generator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The runs table: what was asked for and how far publishing got. */
@ApplicationScoped
public class RunRegistry {

    public enum Status { PUBLISHING, PUBLISHED, FAILED }

    public record RegisteredRun(String runId, String specJson, long expectedTasks, long publishedTasks,
                                Status status, String error) {
    }

    @Inject
    DataSource dataSource;

    /**
     * Registers a run, or marks an existing one for publishing again (resubmitting is how a run whose
     * publishing was interrupted is resumed; downstream ids make the repeats harmless).
     *
     * @return the spec stored under this id, which differs from {@code specJson} when the id was reused for another spec
     */
    public String register(String runId, String specJson, long expectedTasks) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO runs AS r (run_id, spec, expected_tasks, status) VALUES (?, ?::jsonb, ?, 'PUBLISHING')
                     ON CONFLICT (run_id) DO UPDATE SET status = 'PUBLISHING', error = NULL, updated_at = now()
                         WHERE r.spec = EXCLUDED.spec
                     """);
             PreparedStatement stored = connection.prepareStatement("SELECT spec::text FROM runs WHERE run_id = ?")) {
            upsert.setString(1, runId);
            upsert.setString(2, specJson);
            upsert.setLong(3, expectedTasks);
            upsert.executeUpdate();
            stored.setString(1, runId);
            try (ResultSet row = stored.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registering run " + runId + " failed", e);
        }
    }

    public void finish(String runId, long publishedTasks, Status status, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE runs SET published_tasks = ?, status = ?, error = ?, updated_at = now() WHERE run_id = ?
                     """)) {
            update.setLong(1, publishedTasks);
            update.setString(2, status.name());
            update.setString(3, error);
            update.setString(4, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating run " + runId + " failed", e);
        }
    }

    public Optional<RegisteredRun> find(String runId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT run_id, spec::text, expected_tasks, published_tasks, status, error FROM runs WHERE run_id = ?
                     """)) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RegisteredRun(row.getString(1), row.getString(2), row.getLong(3),
                        row.getLong(4), Status.valueOf(row.getString(5)), row.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading run " + runId + " failed", e);
        }
    }
}
