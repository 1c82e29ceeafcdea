package dev.headroom.core.variant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.headroom.core.Hashing;
import dev.headroom.core.SpecException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.headroom.core.SpecReader.bool;
import static dev.headroom.core.SpecReader.child;
import static dev.headroom.core.SpecReader.enumValue;
import static dev.headroom.core.SpecReader.integer;
import static dev.headroom.core.SpecReader.longInteger;
import static dev.headroom.core.SpecReader.number;
import static dev.headroom.core.SpecReader.object;
import static dev.headroom.core.SpecReader.text;

/**
 * Reads a variant as a spec writes it: a preset name, or a mapping of the dimensions it changes, optionally from a
 * {@code base} preset. Every error names its key path. The mapping Jackson writes for a {@link Variant} (with its
 * {@code id} and {@code name}) reads back to the same variant.
 */
public final class VariantParser {

    /** Reads one dimension's value into a builder. */
    private interface Dimension {
        void apply(Variant.Builder builder, JsonNode value, String path);
    }

    private static final String BASE = "base";
    private static final Set<String> WRITTEN_ONLY = Set.of("id", "name");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Dimension> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("labels", (b, v, p) -> b.labels(enumValue(LabelStyle.class, "label style", v, p)));
        DIMENSIONS.put("wrap", (b, v, p) -> b.wrap(enumValue(LabelWrap.class, "label wrap", v, p)));
        DIMENSIONS.put("separator", (b, v, p) -> b.separator(text(v, p)));
        DIMENSIONS.put("layout", (b, v, p) -> b.layout(enumValue(Layout.class, "layout", v, p)));
        DIMENSIONS.put("order", (b, v, p) -> b.order(order(v, p)));
        DIMENSIONS.put("casing", (b, v, p) -> b.casing(enumValue(Casing.class, "casing", v, p)));
        DIMENSIONS.put("header", (b, v, p) -> b.header(enumValue(Header.class, "header", v, p)));
        DIMENSIONS.put("questionPrefix", (b, v, p) -> b.questionPrefix(enumValue(QuestionPrefix.class, "question prefix", v, p)));
        DIMENSIONS.put("stripQuestion", (b, v, p) -> b.stripQuestion(bool(v, p)));
        DIMENSIONS.put("answerCue", (b, v, p) -> b.answerCue(enumValue(AnswerCue.class, "answer cue", v, p)));
        DIMENSIONS.put("persona", (b, v, p) -> b.persona(enumValue(Persona.class, "persona", v, p)));
        DIMENSIONS.put("praise", (b, v, p) -> b.praise(enumValue(Praise.class, "praise", v, p)));
        DIMENSIONS.put("stakes", (b, v, p) -> b.stakes(enumValue(Stakes.class, "stakes", v, p)));
        DIMENSIONS.put("system", (b, v, p) -> b.system(enumValue(SystemPrompt.class, "system message", v, p)));
        DIMENSIONS.put("shots", (b, v, p) -> b.shots(shots(v, p)));
        DIMENSIONS.put("fewShotTurns", (b, v, p) -> b.fewShotTurns(bool(v, p)));
        DIMENSIONS.put("elicitation", (b, v, p) -> b.elicitation(enumValue(Elicitation.class, "elicitation", v, p)));
        DIMENSIONS.put("noise", (b, v, p) -> b.noise(noise(v, p)));
        DIMENSIONS.put("template", (b, v, p) -> b.template(template(v, p)));
    }

    private VariantParser() {
    }

    /** The keys a variant mapping may set, in the order of {@link Variant}'s components. */
    public static Set<String> dimensions() {
        return DIMENSIONS.keySet();
    }

    /** A preset name, or a JSON object (for a command line). */
    public static Variant parse(String text, String path) {
        if (!text.strip().startsWith("{")) {
            return preset(text, path);
        }
        try {
            return parse(JSON.readTree(text), path);
        } catch (JsonProcessingException e) {
            throw new SpecException(path, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static Variant parse(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return preset(node.textValue(), path);
        }
        List<String> known = new ArrayList<>(DIMENSIONS.keySet());
        known.add(BASE);
        known.addAll(WRITTEN_ONLY);
        object(node, path, known);
        Variant.Builder builder = node.has(BASE)
                ? preset(text(node.get(BASE), child(path, BASE)), child(path, BASE)).toBuilder()
                : Variant.builder();
        node.fields().forEachRemaining(field -> {
            // null is how Jackson writes an unset template: the default, as in the record
            if (DIMENSIONS.containsKey(field.getKey()) && !field.getValue().isNull()) {
                apply(builder, field.getKey(), field.getValue(), child(path, field.getKey()));
            }
        });
        return build(builder, path);
    }

    /** Sets one dimension, as a grid does for each of its values. */
    public static void apply(Variant.Builder builder, String dimension, JsonNode value, String path) {
        Dimension reader = DIMENSIONS.get(dimension);
        if (reader == null) {
            throw new SpecException(path, "unknown dimension '" + dimension + "'; known: " + DIMENSIONS.keySet());
        }
        if (value == null || value.isNull()) {
            throw new SpecException(path, "a value is required");
        }
        reader.apply(builder, value, path);
    }

    /** Builds, reporting a combination of values that cannot go together as the spec's error. */
    public static Variant build(Variant.Builder builder, String path) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new SpecException(path, e.getMessage());
        }
    }

    private static Variant preset(String name, String path) {
        try {
            return VariantPresets.named(name);
        } catch (IllegalArgumentException e) {
            throw new SpecException(path, e.getMessage());
        }
    }

    private static int shots(JsonNode value, String path) {
        int shots = integer(value, path);
        if (shots < 0) {
            throw new SpecException(path, "must be 0 or more, got " + shots);
        }
        return shots;
    }

    private static OptionOrder order(JsonNode value, String path) {
        if (value.isTextual()) {
            try {
                return OptionOrder.parse(value.textValue());
            } catch (IllegalArgumentException e) {
                throw new SpecException(path, e.getMessage());
            }
        }
        object(value, path, List.of("kind", "k"));
        OptionOrder.Kind kind = enumValue(OptionOrder.Kind.class, "option order", value.get("kind"), child(path, "kind"));
        return new OptionOrder(kind, value.has("k") ? integer(value.get("k"), child(path, "k")) : 0);
    }

    private static Noise noise(JsonNode value, String path) {
        if (value.isTextual() && value.textValue().equals("none")) {
            return Noise.NONE;
        }
        object(value, path, List.of("typos", "extraSpaces", "lowercase", "seed"));
        double typos = value.has("typos") ? number(value.get("typos"), child(path, "typos")) : 0;
        int extraSpaces = value.has("extraSpaces") ? integer(value.get("extraSpaces"), child(path, "extraSpaces")) : 0;
        boolean lowercase = value.has("lowercase") && bool(value.get("lowercase"), child(path, "lowercase"));
        long seed = value.has("seed") ? longInteger(value.get("seed"), child(path, "seed")) : 0;
        try {
            return new Noise(typos, extraSpaces, lowercase, seed);
        } catch (IllegalArgumentException e) {
            throw new SpecException(path, e.getMessage());
        }
    }

    /** A mapping {name, text}, or the text alone, named by its hash. */
    private static PromptTemplate template(JsonNode value, String path) {
        String text;
        String name;
        if (value.isTextual()) {
            text = value.textValue();
            name = "template-" + Hashing.id("template", text).substring(0, 8);
        } else {
            object(value, path, List.of("name", "text"));
            text = text(value.get("text"), child(path, "text"));
            name = text(value.get("name"), child(path, "name"));
        }
        try {
            return new PromptTemplate(name, text);
        } catch (IllegalArgumentException e) {
            throw new SpecException(path, e.getMessage());
        }
    }

    /** Lets every JSON reader of {@link Variant} (REST, Kafka messages, stored specs) share this parser. */
    static final class JsonDeserializer extends StdDeserializer<Variant> {

        JsonDeserializer() {
            super(Variant.class);
        }

        @Override
        public Variant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = parser.readValueAsTree();
            String path = path(parser.getParsingContext());
            try {
                return parse(tree, path);
            } catch (SpecException e) {
                throw JsonMappingException.from(parser, e.getMessage(), e);
            }
        }

        /** "variants[2]" from the parser's position just after the variant. */
        private static String path(JsonStreamContext context) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                String step = at.inArray() ? "[" + Math.max(at.getCurrentIndex(), 0) + "]"
                        : at.getCurrentName() == null ? "" : "." + at.getCurrentName();
                path.insert(0, step);
            }
            String joined = path.toString();
            return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "variant" : joined;
        }
    }
}
