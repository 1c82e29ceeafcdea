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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            return new RunSummary(runId, rows, deadLettered(connection, runId));
        }
    }

    /** A task that was dead-lettered and also scored (a redelivery succeeded) counts as scored only. */
    private static Map<String, Long> deadLettered(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT model, count(*) FROM dead_letters d
                WHERE run_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.task_id = d.task_id)
                GROUP BY model""")) {
            query.setString(1, runId);
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    counts.put(result.getString(1), result.getLong(2));
                }
            }
            return counts;
        }
    }
}
