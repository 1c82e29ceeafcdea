package dev.headroom.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.variant.Variant;

import java.util.Map;
import java.util.TreeMap;

/**
 * A variant's value on each of its dimensions, read from its JSON form so that dimensions added to
 * {@link Variant} show up without a change here, and so that an aggregator can read them from a stored
 * {@code variant} JSON column the same way.
 */
public final class VariantDimensions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VariantDimensions() {
    }

    public static Map<String, String> of(Variant variant) {
        return of(JSON.valueToTree(variant));
    }

    /** Every field but the derived {@code id} and {@code name}; text as is, anything else as compact JSON. */
    public static Map<String, String> of(JsonNode variant) {
        Map<String, String> dimensions = new TreeMap<>();
        variant.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("id") && !field.getKey().equals("name")) {
                JsonNode value = field.getValue();
                dimensions.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return dimensions;
    }
}
