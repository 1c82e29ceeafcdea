package dev.headroom.aggregator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.stats.ScoredCells;
import dev.headroom.core.stats.ScoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored scores of a run as the statistics read them, streamed from Postgres (a cursor of {@value #FETCH_SIZE}
 * rows at a time) into core's {@link ScoredCells}, one per model: memory grows by about 20 bytes a task, never by a
 * row object. The variants' dimension values come from {@code variant_summary}, once per variant.
 */
@ApplicationScoped
public class ScoreRows {

    static final int FETCH_SIZE = 5_000;
    /** Distinct label lists and option orders kept parsed per query. */
    private static final int DISTINCT_KEPT = 10_000;

    private static final TypeReference<List<String>> LABELS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> ORDER = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    RunStore runs;

    /** Every scored task of the run, by model. */
    public Map<String, ScoredCells> byModel(String runId) {
        return query(runId, null);
    }

    /** The scored tasks of one model of the run; empty when there are none. */
    public ScoredCells of(String runId, String model) {
        return query(runId, model).getOrDefault(model, new ScoredCells());
    }

    private Map<String, ScoredCells> query(String runId, String model) {
        Map<String, Map<String, RunStore.VariantRow>> variants = new HashMap<>();
        runs.variants(runId, model).forEach(variant ->
                variants.computeIfAbsent(variant.model(), m -> new HashMap<>()).put(variant.variantId(), variant));
        try (Connection connection = dataSource.getConnection()) {
            // pgjdbc streams with a cursor only inside a transaction
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return read(connection, runId, model, variants);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the scores of run " + runId + " failed", e);
        }
    }

    private Map<String, ScoredCells> read(Connection connection, String runId, String model,
                                          Map<String, Map<String, RunStore.VariantRow>> variants) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT model, benchmark, subject, item_id, variant_id, outcome, chosen_index, gold_index,
                       labels::text, presented_order::text, gold_probability
                FROM scores WHERE run_id = ? AND (?::text IS NULL OR model = ?::text)""")) {
            query.setFetchSize(FETCH_SIZE);
            query.setString(1, runId);
            query.setString(2, model);
            query.setString(3, model);
            // a run presents few distinct label lists and option orders: each is read once
            Map<String, List<String>> labels = new HashMap<>();
            Map<String, List<Integer>> orders = new HashMap<>();
            Map<String, ScoredCells> byModel = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String rowModel = rows.getString(1);
                    RunStore.VariantRow variant = variants.getOrDefault(rowModel, Map.of()).get(rows.getString(5));
                    if (variant == null) {
                        throw new IllegalStateException("score of run " + runId + " under variant "
                                + rows.getString(5) + " has no variant_summary row");
                    }
                    byModel.computeIfAbsent(rowModel, m -> new ScoredCells()).add(ScoredTask.of(
                            rows.getString(2), rows.getString(3), rows.getString(4), variant.variantId(),
                            variant.dimensions(), Outcome.valueOf(rows.getString(6)), (Integer) rows.getObject(7),
                            rows.getInt(8), read(labels, rows.getString(9), LABELS),
                            read(orders, rows.getString(10), ORDER), (Double) rows.getObject(11)));
                }
            }
            return byModel;
        }
    }

    private <T> T read(Map<String, T> known, String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        T value = known.get(text);
        if (value == null) {
            value = parse(text, type);
            // shuffled options on many-option items can make every order distinct: memory stays bounded
            if (known.size() < DISTINCT_KEPT) {
                known.put(text, value);
            }
        }
        return value;
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("a stored score's header part does not read back: " + text, e);
        }
    }
}
