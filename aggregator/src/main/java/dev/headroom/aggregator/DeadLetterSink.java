package dev.headroom.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.message.TaskHeader;
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
 * Records every task a worker dead-lettered, with SmallRye's {@code dead-letter-reason}, once however often it
 * arrives. Topics: every prompts.&lt;model&gt;.dlq (a pattern subscription finds new models' topics).
 */
@ApplicationScoped
public class DeadLetterSink {

    static final String REASON_HEADER = "dead-letter-reason";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Incoming("dead-letters")
    @Blocking
    public void store(ConsumerRecord<String, String> record) throws IOException, SQLException {
        TaskHeader task = json.readValue(record.value(), PromptTask.class).header();
        Header reason = record.headers().lastHeader(REASON_HEADER);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO dead_letters (task_id, run_id, model, topic, reason) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (task_id) DO NOTHING""")) {
            insert.setString(1, task.taskId());
            insert.setString(2, task.runId());
            insert.setString(3, task.model());
            insert.setString(4, record.topic());
            insert.setString(5, reason == null ? "unknown" : new String(reason.value(), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
