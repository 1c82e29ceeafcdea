package dev.headroom.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.Hashing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps every dead-lettered record once, however often it is dead-lettered again (a replay of its topic), so a run's
 * status can count the tasks that will never be scored.
 * Topics: every dead-letter topic (prompts.&lt;model&gt;.dlq, completions.dlq, ...), read as text: they hold poison too.
 */
@ApplicationScoped
public class DeadLetterSink {

    private static final int PAYLOAD_LIMIT = 8192;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Incoming("dead-letters")
    @Blocking
    public void store(ConsumerRecord<String, String> record) throws SQLException {
        JsonNode header = taskHeader(record.value());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO dead_letters (source_topic, record_digest, dead_letter_topic, dead_letter_partition,
                                               dead_letter_offset, task_id, run_id, model, reason, payload)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            String sourceTopic = header(record, "dead-letter-topic");
            String reason = header(record, "dead-letter-reason");
            insert.setString(1, sourceTopic == null ? record.topic() : sourceTopic);
            insert.setString(2, Hashing.id(String.valueOf(record.key()), String.valueOf(record.value())));
            insert.setString(3, record.topic());
            insert.setInt(4, record.partition());
            insert.setLong(5, record.offset());
            insert.setString(6, text(header, "taskId", record.key()));
            insert.setString(7, text(header, "runId", null));
            insert.setString(8, text(header, "model", null));
            insert.setString(9, reason == null ? "no reason recorded" : reason);
            insert.setString(10, record.value() == null ? null
                    : record.value().substring(0, Math.min(record.value().length(), PAYLOAD_LIMIT)));
            if (insert.executeUpdate() == 1) {
                metrics.counter("headroom.dead.letters.stored", "topic", record.topic()).increment();
            }
        }
    }

    /** The task header of a prompt, completion or score; missing from poison records. */
    private JsonNode taskHeader(String value) {
        try {
            return value == null ? null : json.readTree(value).get("header");
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode header, String field, String fallback) {
        return header != null && header.hasNonNull(field) ? header.get(field).asText() : fallback;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
