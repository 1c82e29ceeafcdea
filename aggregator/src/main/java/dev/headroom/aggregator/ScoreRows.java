package dev.headroom.aggregator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.stats.ScoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stored scores of a run as the statistics read them: one {@link ScoredTask} per row. */
@ApplicationScoped
public class ScoreRows {

    private static final TypeReference<List<String>> LABELS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> ORDER = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Every scored task of the run, by model. */
    public Map<String, List<ScoredTask>> byModel(String runId) {
        return query(runId, null);
    }

    /** The scored tasks of one model of the run; empty when there are none. */
    public List<ScoredTask> of(String runId, String model) {
        return query(runId, model).getOrDefault(model, List.of());
    }

    private Map<String, List<ScoredTask>> query(String runId, String model) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT model, benchmark, subject, item_id, variant::text, outcome, chosen_index, gold_index,
                            labels::text, presented_order::text, gold_probability
                     FROM scores WHERE run_id = ? AND (?::text IS NULL OR model = ?::text)""")) {
            query.setString(1, runId);
            query.setString(2, model);
            query.setString(3, model);
            StoredVariants variants = new StoredVariants(json);
            Map<String, List<ScoredTask>> byModel = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byModel.computeIfAbsent(rows.getString(1), m -> new ArrayList<>()).add(ScoredTask.of(
                            rows.getString(2), rows.getString(3), rows.getString(4), variants.of(rows.getString(5)),
                            Outcome.valueOf(rows.getString(6)), (Integer) rows.getObject(7), rows.getInt(8),
                            read(rows.getString(9), LABELS), read(rows.getString(10), ORDER),
                            (Double) rows.getObject(11)));
                }
            }
            return byModel;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the scores of run " + runId + " failed", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("a stored score's header part does not read back: " + text, e);
        }
    }
}
