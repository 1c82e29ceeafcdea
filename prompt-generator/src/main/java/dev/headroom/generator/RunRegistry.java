package dev.headroom.generator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runs and run_models tables: what was asked for, and how far each model's publishing got. */
@ApplicationScoped
public class RunRegistry {

    public enum Status { PUBLISHING, PUBLISHED, FAILED }

    /** @param budgetEstimate a budgeted share's {@code BudgetEstimate} (JSON) once its budget is spent; else null */
    public record ModelShare(String model, long expectedTasks, long publishedTasks, Status status, String error,
                             String budgetEstimate) {
    }

    public record ModelShareOfRun(String runId, String model, long expectedTasks) {
    }

    public record RegisteredRun(String runId, String specJson, List<ModelShare> models) {

        public Status status() {
            if (models.stream().anyMatch(m -> m.status() == Status.FAILED)) return Status.FAILED;
            if (models.stream().anyMatch(m -> m.status() == Status.PUBLISHING)) return Status.PUBLISHING;
            return Status.PUBLISHED;
        }
    }

    @Inject
    DataSource dataSource;

    /** @return the spec stored under this id, which differs from {@code specJson} when the id was taken by another spec */
    public String register(String runId, String specJson) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO runs (run_id, spec) VALUES (?, ?::jsonb) ON CONFLICT (run_id) DO NOTHING");
             PreparedStatement stored = connection.prepareStatement("SELECT spec::text FROM runs WHERE run_id = ?")) {
            insert.setString(1, runId);
            insert.setString(2, specJson);
            insert.executeUpdate();
            stored.setString(1, runId);
            try (ResultSet row = stored.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registering run " + runId + " failed", e);
        }
    }

    /**
     * Marks a model's share of a run for publishing. Publishing again is how an interrupted run is resumed;
     * deterministic task ids make the repeats harmless downstream.
     */
    public void startPublishing(String runId, String model, long expectedTasks) {
        update("""
                INSERT INTO run_models (run_id, model, expected_tasks, status) VALUES (?, ?, ?, 'PUBLISHING')
                ON CONFLICT (run_id, model) DO UPDATE SET status = 'PUBLISHING', error = NULL, updated_at = now()
                """, runId, model, expectedTasks);
    }

    public void finishPublishing(String runId, String model, long publishedTasks, Status status, String error) {
        update("""
                UPDATE run_models SET published_tasks = ?, status = ?, error = ?, updated_at = now()
                WHERE run_id = ? AND model = ?
                """, publishedTasks, status.name(), error, runId, model);
    }

    /**
     * A budgeted share is done: it expects what it published (so the run completes when those are scored), and
     * keeps what it estimated.
     */
    public void finishBudgeted(String runId, String model, long publishedTasks, String estimateJson) {
        update("""
                UPDATE run_models SET expected_tasks = ?, published_tasks = ?, status = 'PUBLISHED', error = NULL,
                       budget_estimate = ?::jsonb, updated_at = now()
                WHERE run_id = ? AND model = ?
                """, publishedTasks, publishedTasks, estimateJson, runId, model);
    }

    public Optional<RegisteredRun> find(String runId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement run = connection.prepareStatement("SELECT spec::text FROM runs WHERE run_id = ?");
             PreparedStatement shares = connection.prepareStatement("""
                     SELECT model, expected_tasks, published_tasks, status, error, budget_estimate::text FROM run_models
                     WHERE run_id = ? ORDER BY model""")) {
            run.setString(1, runId);
            String spec;
            try (ResultSet row = run.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                spec = row.getString(1);
            }
            shares.setString(1, runId);
            List<ModelShare> models = new ArrayList<>();
            try (ResultSet rows = shares.executeQuery()) {
                while (rows.next()) {
                    models.add(new ModelShare(rows.getString(1), rows.getLong(2), rows.getLong(3),
                            Status.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6)));
                }
            }
            return Optional.of(new RegisteredRun(runId, spec, models));
        } catch (SQLException e) {
            throw new IllegalStateException("reading run " + runId + " failed", e);
        }
    }

    /** Every model's share of the runs created within the window. */
    public List<ModelShareOfRun> recentShares(Duration window) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT m.run_id, m.model, m.expected_tasks FROM run_models m JOIN runs r ON r.run_id = m.run_id
                     WHERE r.created_at > now() - ? * interval '1 millisecond'""")) {
            query.setLong(1, window.toMillis());
            List<ModelShareOfRun> shares = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    shares.add(new ModelShareOfRun(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return shares;
        } catch (SQLException e) {
            throw new IllegalStateException("reading recent runs failed", e);
        }
    }

    /** Runs open to every model that do not have this model yet. */
    public List<String> openRunsWithout(String model) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT r.run_id FROM runs r
                     WHERE r.spec -> 'models' = '["*"]'::jsonb
                       AND NOT EXISTS (SELECT 1 FROM run_models m WHERE m.run_id = r.run_id AND m.model = ?)
                     ORDER BY r.created_at""")) {
            query.setString(1, model);
            List<String> runs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(rows.getString(1));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("finding open runs failed", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating runs failed: " + sql.strip().lines().findFirst().orElse(""), e);
        }
    }
}
