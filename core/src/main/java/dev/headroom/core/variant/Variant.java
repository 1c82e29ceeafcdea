package dev.headroom.core.variant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.headroom.core.Hashing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One way of asking: a value on each independent dimension of the prompt format. Two variants with the
 * same values are the same variant and share an id, whatever they are called in a spec.
 *
 * @param labels        option label style
 * @param separator     between a label and its option text
 * @param order         option order
 * @param shots         few-shot examples from the benchmark's dev split, rendered in this same format
 * @param subjectHeader whether the prompt opens with the standard "multiple choice questions about" line
 * @param answerCue     the text that ends the prompt and invites the answer
 */
@JsonIgnoreProperties(value = {"id", "name"}, allowGetters = true)
public record Variant(LabelStyle labels, String separator, OptionOrder order, int shots,
                      Boolean subjectHeader, String answerCue) {

    /** lm-evaluation-harness's default MMLU format, 0-shot. */
    public static final Variant PLAIN = new Variant(LabelStyle.UPPER, ". ", OptionOrder.ORIGINAL, 0, true, "Answer:");

    public Variant {
        labels = Objects.requireNonNullElse(labels, LabelStyle.UPPER);
        separator = Objects.requireNonNullElse(separator, ". ");
        order = Objects.requireNonNullElse(order, OptionOrder.ORIGINAL);
        subjectHeader = Objects.requireNonNullElse(subjectHeader, Boolean.TRUE);
        answerCue = Objects.requireNonNullElse(answerCue, "Answer:");
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be 0 or more, got " + shots);
        }
    }

    /** A spec may name a preset instead of spelling out the dimensions. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Variant preset(String name) {
        return VariantPresets.named(name);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static Variant of(@JsonProperty("labels") LabelStyle labels, @JsonProperty("separator") String separator,
                      @JsonProperty("order") OptionOrder order, @JsonProperty("shots") int shots,
                      @JsonProperty("subjectHeader") Boolean subjectHeader, @JsonProperty("answerCue") String answerCue) {
        return new Variant(labels, separator, order, shots, subjectHeader, answerCue);
    }

    public Variant withShots(int newShots) {
        return new Variant(labels, separator, order, newShots, subjectHeader, answerCue);
    }

    /** Content hash of the dimension values: stable across releases as long as the values are. */
    @JsonProperty("id")
    public String id() {
        return Hashing.id("variant", canonical()).substring(0, 16);
    }

    /** "plain", "plain-5shot", or the dimensions that differ from plain, e.g. "labels=number,order=reversed". */
    @JsonProperty("name")
    public String name() {
        List<String> differences = new ArrayList<>();
        if (labels != PLAIN.labels) differences.add("labels=" + labels.name().toLowerCase());
        if (!separator.equals(PLAIN.separator)) differences.add("separator='" + separator + "'");
        if (!order.equals(PLAIN.order)) differences.add("order=" + order);
        if (!subjectHeader.equals(PLAIN.subjectHeader)) differences.add("header=" + subjectHeader);
        if (!answerCue.equals(PLAIN.answerCue)) differences.add("cue='" + answerCue + "'");
        String shotsSuffix = shots == 0 ? "" : "-" + shots + "shot";
        return (differences.isEmpty() ? "plain" : String.join(",", differences)) + shotsSuffix;
    }

    private String canonical() {
        return "labels=" + labels + "|separator=" + separator + "|order=" + order + "|shots=" + shots
                + "|header=" + subjectHeader + "|cue=" + answerCue;
    }
}
