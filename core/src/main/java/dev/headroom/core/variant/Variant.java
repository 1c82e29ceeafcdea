package dev.headroom.core.variant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.headroom.core.Hashing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One way of asking: a value on each independent dimension of the prompt format. Two variants with the same
 * values are the same variant and share an id, whatever they are called in a spec. A null component takes
 * plain's value, so a JSON or YAML spec names only what it changes (see {@link VariantParser}).
 *
 * @param labels         the label alphabet (A, a, 1, I, i); answers are read in it
 * @param wrap           decoration of the labels in the option list: A, (A), [A], &lt;A&gt;
 * @param separator      between a label and its option text
 * @param layout         options one per line, inline, or as bullets
 * @param order          option order; the mapping to the file order travels with each task
 * @param casing         casing of the descriptors ("Answer:", "Question:")
 * @param header         the instruction line that opens the prompt
 * @param questionPrefix the descriptor before the question ("Question: ")
 * @param stripQuestion  whether surrounding whitespace is stripped from the question, as the harness does
 * @param answerCue      how the answer is asked for
 * @param persona        who the model is told it is
 * @param praise         flattery
 * @param stakes         what is said to hang on the answer
 * @param system         the system message
 * @param shots          few-shot examples from the benchmark's dev split, in file order, rendered in this format
 * @param fewShotTurns   in chat form, each example as a user turn answered by an assistant turn
 * @param elicitation    answer directly, or think step by step first
 * @param noise          perturbations of the item's text
 * @param template       a whole-question template (PromptEval); it supplies the header, descriptors and cue,
 *                       so those dimensions keep plain's values when a template is set
 */
@JsonDeserialize(using = VariantParser.JsonDeserializer.class)
public record Variant(LabelStyle labels, LabelWrap wrap, String separator, Layout layout, OptionOrder order,
                      Casing casing, Header header, QuestionPrefix questionPrefix, Boolean stripQuestion,
                      AnswerCue answerCue, Persona persona, Praise praise, Stakes stakes, SystemPrompt system,
                      int shots, Boolean fewShotTurns, Elicitation elicitation, Noise noise, PromptTemplate template) {

    /** Ids and names by variant (equal variants share them); a process meets few distinct variants. */
    private static final Map<Variant, String> IDS = new ConcurrentHashMap<>();
    private static final Map<Variant, String> NAMES = new ConcurrentHashMap<>();

    /** lm-evaluation-harness's default MMLU format, 0-shot. */
    public static final Variant PLAIN = new Variant(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, 0, null, null, null, null);

    public Variant {
        labels = Objects.requireNonNullElse(labels, LabelStyle.UPPER);
        wrap = Objects.requireNonNullElse(wrap, LabelWrap.NONE);
        separator = Objects.requireNonNullElse(separator, ". ");
        layout = Objects.requireNonNullElse(layout, Layout.LINES);
        order = Objects.requireNonNullElse(order, OptionOrder.ORIGINAL);
        stripQuestion = Objects.requireNonNullElse(stripQuestion, Boolean.TRUE);
        persona = Objects.requireNonNullElse(persona, Persona.NONE);
        praise = Objects.requireNonNullElse(praise, Praise.NONE);
        stakes = Objects.requireNonNullElse(stakes, Stakes.NONE);
        system = Objects.requireNonNullElse(system, SystemPrompt.NONE);
        fewShotTurns = Objects.requireNonNullElse(fewShotTurns, Boolean.FALSE);
        elicitation = Objects.requireNonNullElse(elicitation, Elicitation.DIRECT);
        noise = Objects.requireNonNullElse(noise, Noise.NONE);
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be 0 or more, got " + shots);
        }
        if (template != null && elicitation != Elicitation.DIRECT) {
            throw new IllegalArgumentException("template '" + template.name()
                    + "' ends in its own answer cue, so it cannot ask for chain-of-thought");
        }
        // a template writes these itself: keeping plain's values makes equal renderings equal variants
        boolean templated = template != null;
        casing = templated || casing == null ? Casing.ORIGINAL : casing;
        header = templated || header == null ? Header.MMLU : header;
        questionPrefix = templated || questionPrefix == null ? QuestionPrefix.NONE : questionPrefix;
        answerCue = templated || answerCue == null ? AnswerCue.ANSWER : answerCue;
    }

    public static Builder builder() {
        return PLAIN.toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Variant withShots(int newShots) {
        return toBuilder().shots(newShots).build();
    }

    /**
     * Content hash of the dimension values: stable across releases as long as the values are. Computed once per
     * distinct variant (like {@link #name()}): it is written with every task, completion and score.
     */
    @JsonProperty("id")
    public String id() {
        return IDS.computeIfAbsent(this, Variant::computeId);
    }

    private String computeId() {
        List<String> parts = new ArrayList<>();
        parts.add("variant");
        for (Dimension dimension : dimensions()) {
            parts.add(dimension.key());
            parts.add(dimension.value());
        }
        return Hashing.id(parts.toArray(String[]::new)).substring(0, 16);
    }

    /** "plain", "plain-5shot", or the dimensions that differ from plain, e.g. "labels=number,order=reversed". */
    @JsonProperty("name")
    public String name() {
        return NAMES.computeIfAbsent(this, Variant::computeName);
    }

    private String computeName() {
        List<String> differences = new ArrayList<>();
        List<Dimension> plain = PLAIN.dimensions();
        List<Dimension> mine = dimensions();
        for (int i = 0; i < mine.size(); i++) {
            Dimension dimension = mine.get(i);
            if (!dimension.key().equals("shots") && !dimension.equals(plain.get(i))) {
                differences.add(dimension.key() + "=" + dimension.readable());
            }
        }
        String shotsSuffix = shots == 0 ? "" : "-" + shots + "shot";
        return (differences.isEmpty() ? "plain" : String.join(",", differences)) + shotsSuffix;
    }

    /** One dimension's value, for hashing and naming. */
    private record Dimension(String key, String value, String readable) {
        static Dimension of(String key, Enum<?> value) {
            return new Dimension(key, value.name(), value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        static Dimension quoted(String key, String value) {
            return new Dimension(key, value, "'" + value + "'");
        }

        static Dimension plain(String key, Object value) {
            return new Dimension(key, String.valueOf(value), String.valueOf(value));
        }
    }

    private List<Dimension> dimensions() {
        return List.of(Dimension.of("labels", labels), Dimension.of("wrap", wrap),
                Dimension.quoted("separator", separator), Dimension.of("layout", layout),
                Dimension.plain("order", order), Dimension.of("casing", casing), Dimension.of("header", header),
                Dimension.of("questionPrefix", questionPrefix), Dimension.plain("stripQuestion", stripQuestion),
                Dimension.of("answerCue", answerCue), Dimension.of("persona", persona), Dimension.of("praise", praise),
                Dimension.of("stakes", stakes), Dimension.of("system", system), Dimension.plain("shots", shots),
                Dimension.plain("fewShotTurns", fewShotTurns), Dimension.of("elicitation", elicitation),
                new Dimension("noise", noiseValue(), noiseValue()),
                template == null ? Dimension.plain("template", "none")
                        : new Dimension("template", template.name() + "\u0000" + template.text(), template.name()));
    }

    private String noiseValue() {
        return noise.isNone() ? "none" : "typos:" + noise.typos() + ";extraSpaces:" + noise.extraSpaces()
                + ";lowercase:" + noise.lowercase() + ";seed:" + noise.seed();
    }

    /** Changes a few dimensions of a variant; everything else keeps its value. */
    public static final class Builder {
        private LabelStyle labels;
        private LabelWrap wrap;
        private String separator;
        private Layout layout;
        private OptionOrder order;
        private Casing casing;
        private Header header;
        private QuestionPrefix questionPrefix;
        private Boolean stripQuestion;
        private AnswerCue answerCue;
        private Persona persona;
        private Praise praise;
        private Stakes stakes;
        private SystemPrompt system;
        private int shots;
        private Boolean fewShotTurns;
        private Elicitation elicitation;
        private Noise noise;
        private PromptTemplate template;

        private Builder(Variant from) {
            labels = from.labels;
            wrap = from.wrap;
            separator = from.separator;
            layout = from.layout;
            order = from.order;
            casing = from.casing;
            header = from.header;
            questionPrefix = from.questionPrefix;
            stripQuestion = from.stripQuestion;
            answerCue = from.answerCue;
            persona = from.persona;
            praise = from.praise;
            stakes = from.stakes;
            system = from.system;
            shots = from.shots;
            fewShotTurns = from.fewShotTurns;
            elicitation = from.elicitation;
            noise = from.noise;
            template = from.template;
        }

        public Builder labels(LabelStyle value) { labels = value; return this; }
        public Builder wrap(LabelWrap value) { wrap = value; return this; }
        public Builder separator(String value) { separator = value; return this; }
        public Builder layout(Layout value) { layout = value; return this; }
        public Builder order(OptionOrder value) { order = value; return this; }
        public Builder casing(Casing value) { casing = value; return this; }
        public Builder header(Header value) { header = value; return this; }
        public Builder questionPrefix(QuestionPrefix value) { questionPrefix = value; return this; }
        public Builder stripQuestion(boolean value) { stripQuestion = value; return this; }
        public Builder answerCue(AnswerCue value) { answerCue = value; return this; }
        public Builder persona(Persona value) { persona = value; return this; }
        public Builder praise(Praise value) { praise = value; return this; }
        public Builder stakes(Stakes value) { stakes = value; return this; }
        public Builder system(SystemPrompt value) { system = value; return this; }
        public Builder shots(int value) { shots = value; return this; }
        public Builder fewShotTurns(boolean value) { fewShotTurns = value; return this; }
        public Builder elicitation(Elicitation value) { elicitation = value; return this; }
        public Builder noise(Noise value) { noise = value; return this; }
        public Builder template(PromptTemplate value) { template = value; return this; }

        public Variant build() {
            return new Variant(labels, wrap, separator, layout, order, casing, header, questionPrefix, stripQuestion,
                    answerCue, persona, praise, stakes, system, shots, fewShotTurns, elicitation, noise, template);
        }
    }
}
