package dev.headroom.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;

/** The completions this model has been paid for, in {@code worker.completions}, one row per task id. */
@ApplicationScoped
public class CompletionStore {

    private static final TypeReference<Map<String, Double>> LOGPROBS = new TypeReference<>() {
    };

    // a completion stored again (a redelivered task answered before the first was stored) replaces the row: both are
    // the model's answer to the same request
    private static final String UPSERT = """
            INSERT INTO completions (task_id, run_id, model, text, label_logprobs, finish_reason, prompt_tokens,
                                     completion_tokens, latency_millis, attempts, cost_usd, backend)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (task_id) DO UPDATE SET run_id = EXCLUDED.run_id, model = EXCLUDED.model, text = EXCLUDED.text,
                label_logprobs = EXCLUDED.label_logprobs, finish_reason = EXCLUDED.finish_reason,
                prompt_tokens = EXCLUDED.prompt_tokens, completion_tokens = EXCLUDED.completion_tokens,
                latency_millis = EXCLUDED.latency_millis, attempts = EXCLUDED.attempts, cost_usd = EXCLUDED.cost_usd,
                backend = EXCLUDED.backend, stored_at = now()
            """;

    private static final String FIND = """
            SELECT text, label_logprobs, finish_reason, prompt_tokens, completion_tokens, latency_millis, attempts,
                   cost_usd, backend
            FROM completions WHERE task_id = ?
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;

    @Inject
    public CompletionStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The stored completion of this task, under the task's own header. */
    public Optional<Completion> find(PromptTask task) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, task.header().taskId());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                double cost = row.getDouble("cost_usd");
                return Optional.of(new Completion(Messages.SCHEMA_VERSION, task.header(), row.getString("text"),
                        json.readValue(row.getString("label_logprobs"), LOGPROBS), row.getString("finish_reason"),
                        row.getInt("prompt_tokens"), row.getInt("completion_tokens"), row.getLong("latency_millis"),
                        row.getInt("attempts"), row.getString("backend"), row.wasNull() ? null : cost));
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("label_logprobs of task " + task.header().taskId() + " is not a JSON object", e);
        }
    }

    public void save(Completion completion) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, completion.header().taskId());
            upsert.setString(2, completion.header().runId());
            upsert.setString(3, completion.header().model());
            upsert.setString(4, completion.text());
            upsert.setString(5, json.writeValueAsString(completion.labelLogprobs()));
            upsert.setString(6, completion.finishReason());
            upsert.setInt(7, completion.promptTokens());
            upsert.setInt(8, completion.completionTokens());
            upsert.setLong(9, completion.latencyMillis());
            upsert.setInt(10, completion.attempts());
            if (completion.costUsd() == null) {
                upsert.setNull(11, Types.DOUBLE);
            } else {
                upsert.setDouble(11, completion.costUsd());
            }
            upsert.setString(12, completion.backend());
            upsert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of doubles always serialises", e);
        }
    }
}
