package dev.headroom.core.benchmark;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the records of a JSONL file, or of a file holding one JSON array, each with its line. */
final class JsonRecords {

    /** A repeated key would silently drop one of its values, e.g. one of TruthfulQA's answer options. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads one element of an array; the elements after it are not trailing garbage. */
    private static final ObjectReader ELEMENT = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRecords() {
    }

    /** One JSON object per line; a final newline is optional, and CRLF line ends are accepted. */
    static List<JsonRecord> lines(Path file) {
        String[] lines = StrictUtf8.read(file).split("\n", -1);
        int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        List<JsonRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long line = i + 1;
            String text = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (text.isBlank()) {
                throw new BenchmarkFormatException(file, line, "blank line; JSONL has one JSON object on every line");
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw malformed(file, line, e);
            }
            records.add(record(file, line, node));
        }
        return records;
    }

    /** A file that is one JSON array of objects, each record's line being the line its object starts on. */
    static List<JsonRecord> array(Path file) {
        List<JsonRecord> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(StrictUtf8.read(file))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BenchmarkFormatException(file, parser.currentTokenLocation().getLineNr(),
                        "expected the file to be one JSON array of questions");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                long line = parser.currentTokenLocation().getLineNr();
                records.add(record(file, line, ELEMENT.readTree(parser)));
            }
            if (parser.nextToken() != null) {
                throw new BenchmarkFormatException(file, parser.currentTokenLocation().getLineNr(),
                        "content after the closing ']' of the array");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw malformed(file, at == null ? 0 : at.getLineNr(), e);
        } catch (IOException e) {
            throw new BenchmarkFormatException(file, "unreadable: " + e);
        }
        return records;
    }

    private static JsonRecord record(Path file, long line, JsonNode node) {
        if (!node.isObject()) {
            throw new BenchmarkFormatException(file, line, "expected a JSON object, found "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new JsonRecord(file, line, "", node);
    }

    private static BenchmarkFormatException malformed(Path file, long line, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String column = at == null ? "" : " (column " + at.getColumnNr() + ")";
        return new BenchmarkFormatException(file, line, "malformed JSON: " + e.getOriginalMessage() + column);
    }
}
