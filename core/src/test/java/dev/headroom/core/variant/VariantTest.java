package dev.headroom.core.variant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantTest {

    private static final PromptTemplate TEMPLATE = new PromptTemplate("t", "{topic}: {question}\n{choices}\nAnswer:");
    private final ObjectMapper json = new ObjectMapper();

    /** Plain changed on exactly one dimension each. */
    private static List<Variant> oneDimensionEach() {
        return List.of(Variant.builder().labels(LabelStyle.LOWER).build(),
                Variant.builder().wrap(LabelWrap.PARENS).build(),
                Variant.builder().separator(") ").build(),
                Variant.builder().layout(Layout.INLINE).build(),
                Variant.builder().order(OptionOrder.REVERSED).build(),
                Variant.builder().casing(Casing.UPPER).build(),
                Variant.builder().header(Header.NONE).build(),
                Variant.builder().questionPrefix(QuestionPrefix.QUESTION).build(),
                Variant.builder().stripQuestion(false).build(),
                Variant.builder().answerCue(AnswerCue.THE_ANSWER_IS).build(),
                Variant.builder().persona(Persona.EXPERT).build(),
                Variant.builder().praise(Praise.RELIABLE).build(),
                Variant.builder().stakes(Stakes.GRADE).build(),
                Variant.builder().system(SystemPrompt.CONCISE).build(),
                Variant.builder().shots(1).build(),
                Variant.builder().fewShotTurns(true).build(),
                Variant.builder().elicitation(Elicitation.CHAIN_OF_THOUGHT).build(),
                Variant.builder().noise(new Noise(0.1, 0, false, 0)).build(),
                Variant.builder().template(TEMPLATE).build());
    }

    @Test
    void anyDimensionChangesTheId() {
        List<Variant> variants = new java.util.ArrayList<>(oneDimensionEach());
        variants.add(Variant.PLAIN);

        assertThat(variants).hasSize(VariantParser.dimensions().size() + 1);
        assertThat(variants.stream().map(Variant::id).distinct()).hasSize(variants.size());
    }

    @Test
    void theIdIsAContentHashOfTheValues() {
        assertThat(Variant.builder().labels(LabelStyle.NUMBER).build().id())
                .isEqualTo(Variant.builder().labels(LabelStyle.NUMBER).build().id())
                .hasSize(16);
    }

    @Test
    void nameListsTheDimensionsThatDifferFromPlain() {
        assertThat(Variant.PLAIN.name()).isEqualTo("plain");
        assertThat(VariantPresets.named("plain-5shot").name()).isEqualTo("plain-5shot");
        assertThat(VariantPresets.named("numbers-reversed").name()).isEqualTo("labels=number,order=reversed");
        assertThat(VariantPresets.named("helm").name()).isEqualTo("questionPrefix=question,stripQuestion=false");
        assertThat(Variant.builder().separator(") ").answerCue(AnswerCue.LABEL_ONLY).shots(3).build().name())
                .isEqualTo("separator=') ',answerCue=label-only-3shot");
        assertThat(Variant.builder().template(TEMPLATE).build().name()).isEqualTo("template=t");
    }

    @Test
    void everyVariantSurvivesAJsonRoundTripWithItsIdAndName() throws Exception {
        for (Variant variant : oneDimensionEach()) {
            String text = json.writeValueAsString(variant);

            assertThat(json.readValue(text, Variant.class)).as(text).isEqualTo(variant);
            assertThat(json.readTree(text).get("id").asText()).isEqualTo(variant.id());
            assertThat(json.readTree(text).get("name").asText()).isEqualTo(variant.name());
        }
    }

    @Test
    void aTemplateWritesItsOwnHeaderDescriptorsAndCue() {
        Variant templated = Variant.builder().template(TEMPLATE).build();

        assertThat(Variant.builder().template(TEMPLATE).header(Header.NONE).casing(Casing.UPPER)
                .answerCue(AnswerCue.THE_ANSWER_IS).questionPrefix(QuestionPrefix.Q).build()).isEqualTo(templated);
    }

    @Test
    void aTemplateCannotAskForChainOfThought() {
        assertThatThrownBy(() -> Variant.builder().template(TEMPLATE).elicitation(Elicitation.CHAIN_OF_THOUGHT).build())
                .hasMessageContaining("chain-of-thought");
    }

    @Test
    void negativeShotsAreRejected() {
        assertThatThrownBy(() -> Variant.PLAIN.withShots(-1)).hasMessageContaining("shots");
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        assertThatThrownBy(() -> VariantPresets.named("fancy")).hasMessageContaining("plain").hasMessageContaining("helm");
    }

    @Test
    void formatSpreadIsAGridOfDistinctVariantsThatIncludesPlain() {
        List<Variant> grid = VariantPresets.expand("formatspread");

        assertThat(grid).hasSize(144).contains(Variant.PLAIN);
        assertThat(grid.stream().map(Variant::id).distinct()).hasSize(144);
    }
}
