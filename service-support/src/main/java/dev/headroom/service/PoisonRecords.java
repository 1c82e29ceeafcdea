package dev.headroom.service;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why a consumed record cannot be used. With {@code fail-on-deserialization-failure=false} a record that does not
 * deserialize no longer stops its channel: a single-record channel with the dead-letter strategy sends it there itself
 * with the parser's message as the reason; a batch channel hands it on with a null value and that message in a
 * header. A record that did deserialize may still break its contract (core's MessageProblems). Either way it goes to
 * the dead-letter topic with the reason.
 */
public final class PoisonRecords {

    /** SmallRye Kafka's header with the deserializer's message. */
    public static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";
    /** SmallRye Kafka's header with the value's bytes as they arrived. */
    public static final String DESERIALIZATION_FAILURE_DATA = "deserialization-failure-data";

    private PoisonRecords() {
    }

    /** The reason {@code value} cannot be used, if it cannot. */
    public static <T> Optional<String> problem(T value, Headers headers, Function<T, Optional<String>> contract) {
        if (value == null) {
            return Optional.of("poison record: not a readable message: " + text(headers, DESERIALIZATION_FAILURE_REASON)
                    .orElse("empty value"));
        }
        return contract.apply(value).map(problem -> "poison record: " + problem);
    }

    /** The bytes of a record that did not deserialize, as text, if SmallRye kept them. */
    public static Optional<String> rawValue(Headers headers) {
        return text(headers, DESERIALIZATION_FAILURE_DATA);
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Thrown (or nacked with) for a record whose channel dead-letters it; its message is the reason. */
    public static final class PoisonRecordException extends RuntimeException {
        public PoisonRecordException(String reason) {
            super(reason, null, false, false);
        }
    }
}
