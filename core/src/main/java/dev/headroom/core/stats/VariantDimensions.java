package dev.headroom.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.variant.Variant;

import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A variant's value on each of its dimensions, read from its JSON form so that dimensions added to
 * {@link Variant} show up without a change here, and so that an aggregator can read them from a stored
 * {@code variant} JSON column the same way.
 */
public final class VariantDimensions {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A run has few variants and many tasks: each variant is read once. */
    private static final Map<Variant, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private VariantDimensions() {
    }

    public static Map<String, String> of(Variant variant) {
        return CACHE.computeIfAbsent(variant, v -> of(JSON.<JsonNode>valueToTree(v)));
    }

    /** Every field but the derived {@code id} and {@code name}; text as is, anything else as compact JSON. */
    public static Map<String, String> of(JsonNode variant) {
        Map<String, String> dimensions = new HashMap<>();
        variant.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("id") && !field.getKey().equals("name")) {
                JsonNode value = field.getValue();
                dimensions.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return Map.copyOf(dimensions);
    }
}
