package dev.headroom.aggregator;

import dev.headroom.core.run.RunSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@Path("/runs/{runId}/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    DataSource dataSource;

    /** Empty rows, not 404, for a run with no scores yet: the aggregator cannot tell "unknown" from "not started". */
    @GET
    public RunSummary summary(@PathParam("runId") String runId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT model, variant_id, variant_name, items, correct, unparsed
                     FROM variant_summary WHERE run_id = ? ORDER BY model, variant_name""")) {
            query.setString(1, runId);
            List<RunSummary.Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long items = result.getLong(4);
                    long correct = result.getLong(5);
                    rows.add(new RunSummary.Row(result.getString(1), result.getString(2), result.getString(3),
                            items, correct, result.getLong(6), items == 0 ? 0 : (double) correct / items));
                }
            }
            return new RunSummary(runId, rows, deadLetters(connection, runId));
        }
    }

    /** A task counts once, and not at all if a redelivery of it was scored after all. */
    private static List<RunSummary.DeadLetters> deadLetters(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT model, reason, count(DISTINCT task_id) FROM dead_letters d
                WHERE run_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.task_id = d.task_id)
                GROUP BY model, reason ORDER BY model, reason""")) {
            query.setString(1, runId);
            List<RunSummary.DeadLetters> deadLetters = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    deadLetters.add(new RunSummary.DeadLetters(result.getString(1), result.getString(2), result.getLong(3)));
                }
            }
            return deadLetters;
        }
    }
}
