package dev.headroom.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.run.RunSummary;
import dev.headroom.core.stats.VariantDimensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the running counts say about runs: read from variant_summary and dead_letters, never from every score. */
@ApplicationScoped
public class RunStore {

    /**
     * @param scoredTasks       tasks with a score, all models
     * @param deadLetteredTasks tasks dead-lettered and never scored, all models
     * @param lastScoredAt      when a score of the run was last stored
     */
    public record RunRow(String runId, int models, long scoredTasks, long deadLetteredTasks, Instant lastScoredAt) {
    }

    /**
     * One variant of one model with its running counts; accuracy counts unparsed answers as wrong.
     *
     * @param goldProbabilityMean mean probability the variant's answers gave the gold option; null when no score
     *                            carried one (a backend without log-probabilities)
     * @param goldProbabilitySd   its population standard deviation over those scores; null likewise
     */
    public record VariantRow(String model, String variantId, String variantName, long items, long correct,
                             long unparsed, double accuracy, Double goldProbabilityMean, Double goldProbabilitySd,
                             Map<String, String> dimensions) {
    }

    /**
     * One stored task with every field the aggregator keeps of it.
     *
     * @param chosenIndex    original index of the chosen option; null when unparsed
     * @param labels         labels in presented order (JSON array); null on rows stored before they were kept
     * @param presentedOrder original option index at each presented position (JSON array); null likewise
     * @param costUsd        what the answer cost at the model card's prices; null when unpriced or stored before V6
     */
    public record TaskRow(String taskId, String model, String benchmark, String subject, String itemId,
                          String variantId, String variantName, Map<String, String> dimensions, String outcome,
                          Integer chosenIndex, int goldIndex, Double goldProbability, JsonNode labels,
                          JsonNode presentedOrder, Double costUsd, Instant storedAt) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Every run with a score, the most recently scored first. */
    public List<RunRow> runs() {
        return query("""
                SELECT v.run_id, count(DISTINCT v.model), sum(v.items), max(v.updated_at),
                       (SELECT count(DISTINCT d.task_id) FROM dead_letters d WHERE d.run_id = v.run_id
                        AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.task_id = d.task_id))
                FROM variant_summary v GROUP BY v.run_id ORDER BY max(v.updated_at) DESC, v.run_id""", List.of(),
                rows -> new RunRow(rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getLong(5),
                        rows.getTimestamp(4).toInstant()));
    }

    /** Runs that stored a score or a dead letter within the window. */
    public List<String> activeRuns(Duration window) {
        return query("""
                SELECT run_id FROM variant_summary WHERE updated_at > now() - ? * interval '1 millisecond'
                UNION
                SELECT run_id FROM dead_letters WHERE run_id IS NOT NULL AND stored_at > now() - ? * interval '1 millisecond'
                """, List.of(window.toMillis(), window.toMillis()), rows -> rows.getString(1));
    }

    /** Tasks scored in the run, all models: changes exactly when a new score of the run is stored. */
    public long scoredTasks(String runId) {
        return query("SELECT coalesce(sum(items), 0) FROM variant_summary WHERE run_id = ?", List.of(runId),
                rows -> rows.getLong(1)).get(0);
    }

    /** Every variant of the run, by model and variant name; of one model when {@code model} is not null. */
    public List<VariantRow> variants(String runId, String model) {
        StoredVariants variants = new StoredVariants(json);
        return query("""
                SELECT model, variant_id, variant_name, items, correct, unparsed, variant::text,
                       gold_probability_mean,
                       CASE WHEN gold_probability_count > 0 THEN sqrt(gold_probability_m2 / gold_probability_count) END
                FROM variant_summary
                WHERE run_id = ? AND (?::text IS NULL OR model = ?::text) ORDER BY model, variant_name""",
                Arrays.asList(runId, model, model), rows -> {
                    long items = rows.getLong(4);
                    long correct = rows.getLong(5);
                    String variant = rows.getString(7);
                    return new VariantRow(rows.getString(1), rows.getString(2), rows.getString(3), items, correct,
                            rows.getLong(6), items == 0 ? 0 : (double) correct / items,
                            rows.getObject(8, Double.class), rows.getObject(9, Double.class),
                            variant == null ? Map.of() : VariantDimensions.of(variants.of(variant)));
                });
    }

    /** Every scored task of the run, by model, item and variant. */
    public List<TaskRow> tasks(String runId) {
        StoredVariants variants = new StoredVariants(json);
        return query("""
                SELECT task_id, model, benchmark, subject, item_id, variant_id, variant_name, variant::text, outcome,
                       chosen_index, gold_index, gold_probability, labels::text, presented_order::text, cost_usd,
                       stored_at
                FROM scores WHERE run_id = ? ORDER BY model, item_id, variant_id""", List.of(runId),
                rows -> new TaskRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7),
                        VariantDimensions.of(variants.of(rows.getString(8))), rows.getString(9),
                        (Integer) rows.getObject(10), rows.getInt(11), (Double) rows.getObject(12),
                        jsonOrNull(rows.getString(13)), jsonOrNull(rows.getString(14)), (Double) rows.getObject(15),
                        rows.getTimestamp(16).toInstant()));
    }

    private JsonNode jsonOrNull(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score's header part does not read back: " + text, e);
        }
    }

    /** A task counts once, and not at all if a redelivery of it was scored after all. */
    public List<RunSummary.DeadLetters> deadLetters(String runId) {
        return query("""
                SELECT model, reason, count(DISTINCT task_id) FROM dead_letters d
                WHERE run_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.task_id = d.task_id)
                GROUP BY model, reason ORDER BY model, reason""", List.of(runId),
                rows -> new RunSummary.DeadLetters(rows.getString(1), rows.getString(2), rows.getLong(3)));
    }

    /** What each model's scored tasks cost, from the running sums: a budget in dollars polls it every round. */
    public List<RunSummary.Spent> spending(String runId) {
        return query("""
                SELECT model, sum(priced_tasks), sum(cost_usd) FROM variant_summary
                WHERE run_id = ? GROUP BY model ORDER BY model""", List.of(runId),
                rows -> new RunSummary.Spent(rows.getString(1), rows.getLong(2), rows.getDouble(3)));
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> parameters, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(reader.read(rows));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql.lines().findFirst().orElse(sql).strip(), e);
        }
    }
}
