package dev.headroom.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Reads values out of a parsed JSON or YAML spec, each failure a {@link SpecException} naming its key path. */
public final class SpecReader {

    private SpecReader() {
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    public static JsonNode object(JsonNode node, String path, Collection<String> knownKeys) {
        if (node == null || !node.isObject()) {
            throw new SpecException(path, "expected a mapping of keys to values, found " + describe(node));
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!knownKeys.contains(key)) {
                throw new SpecException(child(path, key), "unknown key; known: " + knownKeys);
            }
        }
        return node;
    }

    /** A list; a single value stands for a list of one. */
    public static List<JsonNode> list(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw new SpecException(path, "expected a list, found nothing");
        }
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        return values;
    }

    public static List<JsonNode> nonEmptyList(JsonNode node, String path) {
        List<JsonNode> values = list(node, path);
        if (values.isEmpty()) {
            throw new SpecException(path, "expected at least one value");
        }
        return values;
    }

    public static String text(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw new SpecException(path, "expected text, found " + describe(node));
        }
        return node.textValue();
    }

    public static int integer(JsonNode node, String path) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new SpecException(path, "expected a whole number, found " + describe(node));
        }
        return node.intValue();
    }

    public static long longInteger(JsonNode node, String path) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new SpecException(path, "expected a whole number, found " + describe(node));
        }
        return node.longValue();
    }

    public static double number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            throw new SpecException(path, "expected a number, found " + describe(node));
        }
        return node.doubleValue();
    }

    public static boolean bool(JsonNode node, String path) {
        if (node == null || !node.isBoolean()) {
            throw new SpecException(path, "expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    /** Case-insensitive, with '-' for '_': "chain-of-thought" is CHAIN_OF_THOUGHT. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String what, JsonNode node, String path) {
        String value = text(node, path);
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw new SpecException(path, "unknown " + what + " '" + value + "'; known: "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }
}
