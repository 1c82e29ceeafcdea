package dev.headroom.core.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object read from a benchmark file, with the file and line it came from, whose fields are read strictly: a
 * missing field or one of the wrong type is an error naming the file, the line and the field's path in the record.
 *
 * @param path where this object sits inside the record, e.g. {@code question.choices[2]}; empty for the record itself
 */
record JsonRecord(Path file, long line, String path, JsonNode node) implements SourceItem.Origin {

    @Override
    public BenchmarkFormatException problem(String problem) {
        return new BenchmarkFormatException(file, line, problem);
    }

    String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.textValue();
    }

    Optional<String> optionalText(String field) {
        return node.hasNonNull(field) ? Optional.of(text(field)) : Optional.empty();
    }

    int integer(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, "an integer", value);
        }
        return value.intValue();
    }

    /** An id as sources write them: a string, or an integer such as MMLU-Pro's {@code question_id}. */
    String id(String field) {
        JsonNode value = required(field);
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw wrongType(field, "a string or an integer", value);
        }
        return value.asText();
    }

    JsonRecord object(String field) {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw wrongType(field, "an object", value);
        }
        return new JsonRecord(file, line, pathOf(field), value);
    }

    List<JsonRecord> objects(String field) {
        List<JsonRecord> objects = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String elementPath = pathOf(field) + "[" + i + "]";
            if (!element.isObject()) {
                throw problem(elementPath + " must be an object, found " + describe(element));
            }
            objects.add(new JsonRecord(file, line, elementPath, element));
        }
        return objects;
    }

    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isTextual()) {
                throw problem(pathOf(field) + "[" + i + "] must be a string, found " + describe(element));
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    /** This object's field names in file order (JSON objects such as TruthfulQA's targets are ordered lists). */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private JsonNode array(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw wrongType(field, "an array", value);
        }
        return value;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw problem("missing field " + pathOf(field));
        }
        return value;
    }

    private BenchmarkFormatException wrongType(String field, String expected, JsonNode found) {
        return problem(pathOf(field) + " must be " + expected + ", found " + describe(found));
    }

    private String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String text = value.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
