package dev.headroom.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * What a batch consumer sends itself: records through an emitter, each with its Kafka key, done when the broker has
 * it; and a record of its batch that it cannot use to the dead-letter topic, with the headers SmallRye's dead-letter
 * strategy writes (a batch's nack would dead-letter the whole batch).
 */
public final class KeyedSends {

    private KeyedSends() {
    }

    /** Completes when the broker acknowledged the record, exceptionally when it refused it. */
    public static <T> CompletableFuture<Void> send(Emitter<T> emitter, String key, T value) {
        return send(emitter, key, value, new RecordHeaders());
    }

    private static <T> CompletableFuture<Void> send(Emitter<T> emitter, String key, T value, Headers headers) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        emitter.send(Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return sent;
    }

    /**
     * The consumed record to its channel's dead-letter topic, with the reason: its bytes as they arrived when they did
     * not read, else its value as read.
     */
    public static CompletableFuture<Void> deadLetter(Emitter<String> deadLetters, ConsumerRecord<String, ?> record,
                                                     ObjectMapper json, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return send(deadLetters, record.key(), originalValue(record, json), headers);
    }

    private static String originalValue(ConsumerRecord<String, ?> record, ObjectMapper json) {
        if (record.value() == null) {
            return PoisonRecords.rawValue(record.headers()).orElse(null);
        }
        try {
            return json.writeValueAsString(record.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message that was read cannot be written", e);
        }
    }
}
