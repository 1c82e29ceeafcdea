package dev.headroom.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Score;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes scores and advances the running summaries in one statement, so a batch counts once however often
 * it is delivered: only rows that are new to {@code scores} reach {@code variant_summary}.
 */
@ApplicationScoped
public class ScoreStore {

    /** A score that was new to {@code scores}: what the metrics count. */
    public record Stored(String taskId, String model, String outcome) {
    }

    private static final String UPSERT = """
            WITH incoming AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::float8[],
                                     ?::text[], ?::text[], ?::float8[])
                    AS t(task_id, run_id, model, item_id, benchmark, subject, variant_id, variant_name, variant,
                         outcome, chosen_index, gold_index, gold_probability, labels, presented_order, cost_usd)
            ), inserted AS (
                INSERT INTO scores (task_id, run_id, model, item_id, benchmark, subject, variant_id, variant_name,
                                    variant, outcome, chosen_index, gold_index, gold_probability, labels,
                                    presented_order, cost_usd)
                SELECT task_id, run_id, model, item_id, benchmark, subject, variant_id, variant_name, variant::jsonb,
                       outcome, chosen_index, gold_index, gold_probability, labels::jsonb, presented_order::jsonb,
                       cost_usd
                FROM incoming
                ON CONFLICT (task_id) DO NOTHING
                RETURNING task_id, run_id, model, variant_id, variant_name, variant, outcome, gold_probability,
                          cost_usd
            ), summarised AS (
                INSERT INTO variant_summary AS s (run_id, model, variant_id, variant_name, variant, items, correct,
                                                  unparsed, gold_probability_count, gold_probability_mean,
                                                  gold_probability_m2, priced_tasks, cost_usd)
                SELECT run_id, model, variant_id, variant_name, (array_agg(variant))[1], count(*),
                       count(*) FILTER (WHERE outcome = 'CORRECT'), count(*) FILTER (WHERE outcome = 'UNPARSED'),
                       count(gold_probability), avg(gold_probability),
                       coalesce(var_pop(gold_probability) * count(gold_probability), 0),
                       count(cost_usd), coalesce(sum(cost_usd), 0)
                FROM inserted
                GROUP BY run_id, model, variant_id, variant_name
                ORDER BY run_id, model, variant_id
                ON CONFLICT (run_id, model, variant_id) DO UPDATE
                    SET items = s.items + EXCLUDED.items, correct = s.correct + EXCLUDED.correct,
                        unparsed = s.unparsed + EXCLUDED.unparsed, updated_at = now(),
                        priced_tasks = s.priced_tasks + EXCLUDED.priced_tasks,
                        cost_usd = s.cost_usd + EXCLUDED.cost_usd,
                        -- Chan et al.'s merge of two Welford states: every s.* here is the value before this batch
                        gold_probability_count = s.gold_probability_count + EXCLUDED.gold_probability_count,
                        gold_probability_mean = CASE
                            WHEN EXCLUDED.gold_probability_count = 0 THEN s.gold_probability_mean
                            WHEN s.gold_probability_count = 0 THEN EXCLUDED.gold_probability_mean
                            ELSE s.gold_probability_mean + (EXCLUDED.gold_probability_mean - s.gold_probability_mean)
                                 * EXCLUDED.gold_probability_count
                                 / (s.gold_probability_count + EXCLUDED.gold_probability_count) END,
                        gold_probability_m2 = CASE
                            WHEN s.gold_probability_count = 0 OR EXCLUDED.gold_probability_count = 0
                                THEN s.gold_probability_m2 + EXCLUDED.gold_probability_m2
                            ELSE s.gold_probability_m2 + EXCLUDED.gold_probability_m2
                                 + (EXCLUDED.gold_probability_mean - s.gold_probability_mean) ^ 2
                                 * s.gold_probability_count * EXCLUDED.gold_probability_count
                                 / (s.gold_probability_count + EXCLUDED.gold_probability_count) END
            )
            SELECT task_id, model, outcome FROM inserted
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Stores the scores new to the table, in one statement (committed on return); returns those. */
    public List<Stored> store(List<Score> scores) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int column = 1;
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().taskId()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().runId()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().model()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().itemId()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().benchmark()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().subject()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().variant().id()));
            upsert.setArray(column++, textArray(connection, scores, s -> s.header().variant().name()));
            upsert.setArray(column++, textArray(connection, scores, s -> toJson(s.header().variant())));
            upsert.setArray(column++, textArray(connection, scores, s -> s.outcome().name()));
            upsert.setArray(column++, connection.createArrayOf("int4", scores.stream().map(Score::chosenIndex).toArray()));
            upsert.setArray(column++, connection.createArrayOf("int4",
                    scores.stream().map(s -> s.header().goldIndex()).toArray()));
            upsert.setArray(column++, connection.createArrayOf("float8", scores.stream().map(Score::goldProbability).toArray()));
            upsert.setArray(column++, textArray(connection, scores, s -> toJson(s.header().labels())));
            upsert.setArray(column++, textArray(connection, scores, s -> toJson(s.header().presentedOrder())));
            upsert.setArray(column, connection.createArrayOf("float8", scores.stream().map(Score::costUsd).toArray()));
            List<Stored> stored = new ArrayList<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Stored(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + scores.size() + " scores failed", e);
        }
    }

    private static java.sql.Array textArray(Connection connection, List<Score> scores, Function<Score, String> field)
            throws SQLException {
        return connection.createArrayOf("text", scores.stream().map(field).toArray());
    }

    private String toJson(Object headerPart) {
        try {
            return json.writeValueAsString(headerPart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a task header always serialises", e);
        }
    }
}
