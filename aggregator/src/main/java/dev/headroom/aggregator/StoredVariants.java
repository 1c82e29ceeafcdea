package dev.headroom.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.variant.Variant;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the variants of stored rows back, each distinct JSON once: a run has few variants and many rows. Through
 * {@link Variant} rather than the JSON itself, so dimensions read from Postgres (which reorders JSON keys) equal
 * those read from a score message.
 */
final class StoredVariants {

    private final ObjectMapper json;
    private final Map<String, Variant> parsed = new HashMap<>();

    StoredVariants(ObjectMapper json) {
        this.json = json;
    }

    Variant of(String variantJson) {
        return parsed.computeIfAbsent(variantJson, text -> {
            try {
                return json.readValue(text, Variant.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored variant does not read back: " + text, e);
            }
        });
    }
}
