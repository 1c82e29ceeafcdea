package dev.headroom.core.variant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.SpecException;
import dev.headroom.core.run.RunSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantParserTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sameDimensionsSameIdWhateverTheSpelling() throws Exception {
        Variant named = json.readValue("\"numbers-reversed\"", Variant.class);
        Variant spelled = json.readValue("{\"labels\":\"NUMBER\",\"order\":{\"kind\":\"REVERSED\"}}", Variant.class);
        Variant short_ = VariantParser.parse("{\"labels\": \"number\", \"order\": \"reversed\"}", "v");

        assertThat(spelled).isEqualTo(named).isEqualTo(short_);
        assertThat(spelled.id()).isEqualTo(named.id());
    }

    @Test
    void aBasePresetIsChangedOnlyWhereTheMappingSays() {
        assertThat(VariantParser.parse("{\"base\": \"helm\", \"shots\": 5, \"elicitation\": \"chain-of-thought\"}", "v"))
                .isEqualTo(VariantPresets.named("helm-5shot").toBuilder().elicitation(Elicitation.CHAIN_OF_THOUGHT).build());
    }

    @Test
    void orderNoiseAndTemplateHaveShortForms() {
        Variant variant = VariantParser.parse("{\"order\": \"shuffle7\", \"noise\": {\"typos\": 0.05, \"seed\": 3},"
                + " \"template\": \"Q: {question}\\n{choices}\\nA:\"}", "v");

        assertThat(variant.order()).isEqualTo(new OptionOrder(OptionOrder.Kind.SHUFFLE, 7));
        assertThat(variant.noise()).isEqualTo(new Noise(0.05, 0, false, 3));
        assertThat(variant.template().name()).startsWith("template-");
    }

    @Test
    void anUnknownValueNamesItsKeyPathAndTheKnownValues() {
        assertThatThrownBy(() -> VariantParser.parse("{\"labels\": \"XX\"}", "variants[2]"))
                .isInstanceOf(SpecException.class)
                .hasMessage("variants[2].labels: unknown label style 'XX'; known: [upper, lower, number, roman, roman-lower]");
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThatThrownBy(() -> VariantParser.parse("{\"lables\": \"UPPER\"}", "v"))
                .hasMessageStartingWith("v.lables: unknown key; known: [labels, wrap");
    }

    @Test
    void valuesThatCannotGoTogetherAreReportedAtTheVariant() {
        assertThatThrownBy(() -> VariantParser.parse("{\"template\": \"{question} {choices}\", \"elicitation\": \"chain-of-thought\"}", "v"))
                .hasMessageStartingWith("v: template");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThatThrownBy(() -> VariantParser.parse("{\"shots\": \"five\"}", "v"))
                .hasMessage("v.shots: expected a whole number, found 'five'");
        assertThatThrownBy(() -> VariantParser.parse("{\"order\": \"sideways\"}", "v"))
                .hasMessageStartingWith("v.order: unknown option order 'sideways'");
    }

    @Test
    void aRunSpecReportsTheVariantsPosition() {
        assertThatThrownBy(() -> json.readValue("{\"benchmark\": \"b\", \"variants\": [\"plain\", {\"casing\": \"loud\"}]}",
                RunSpec.class)).hasMessageContaining("variants[1].casing: unknown casing 'loud'");
    }
}
