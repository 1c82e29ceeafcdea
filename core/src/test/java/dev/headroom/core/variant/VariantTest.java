package dev.headroom.core.variant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sameDimensionsSameIdWhateverTheSpelling() throws Exception {
        Variant named = json.readValue("\"numbers-reversed\"", Variant.class);
        Variant spelled = json.readValue("{\"labels\":\"NUMBER\",\"order\":{\"kind\":\"REVERSED\"}}", Variant.class);

        assertThat(spelled.id()).isEqualTo(named.id());
        assertThat(spelled.name()).isEqualTo("labels=number,order=reversed");
    }

    @Test
    void anyDimensionChangesTheId() {
        List<Variant> variants = List.of(Variant.PLAIN, Variant.PLAIN.withShots(1),
                new Variant(LabelStyle.LOWER, null, null, 0, null, null),
                new Variant(null, ") ", null, 0, null, null),
                new Variant(null, null, OptionOrder.REVERSED, 0, null, null),
                new Variant(null, null, null, 0, false, null),
                new Variant(null, null, null, 0, null, "ANSWER:"));

        assertThat(variants.stream().map(Variant::id).distinct()).hasSize(variants.size());
    }

    @Test
    void survivesAJsonRoundTripWithItsIdAndName() throws Exception {
        Variant variant = VariantPresets.named("lower-shuffled");

        String text = json.writeValueAsString(variant);
        Variant back = json.readValue(text, Variant.class);

        assertThat(back).isEqualTo(variant);
        assertThat(json.readTree(text).get("id").asText()).isEqualTo(variant.id());
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        assertThatThrownBy(() -> VariantPresets.named("fancy")).hasMessageContaining("plain");
    }
}
