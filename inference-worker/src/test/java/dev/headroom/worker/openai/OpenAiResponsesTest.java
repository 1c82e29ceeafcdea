package dev.headroom.worker.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.worker.resilience.CallFailure;
import dev.headroom.worker.resilience.FailureKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/** Recorded bodies in the shapes vLLM and OpenAI return (see recorded/README.md). */
class OpenAiResponsesTest {

    private static final List<String> UPPER = List.of("A", "B", "C", "D");
    private final OpenAiResponses responses = new OpenAiResponses(new ObjectMapper());

    private static String recorded(String name) throws IOException {
        try (InputStream in = OpenAiResponsesTest.class.getResourceAsStream("recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void vllmChatWithLogprobsGivesEveryLabelOfTheFirstToken() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("vllm-chat-logprobs.json"), true, UPPER);

        assertThat(parsed.text()).isEqualTo("B");
        assertThat(parsed.labelLogprobs()).containsOnly(entry("B", -0.0412), entry("C", -3.6218), entry("A", -4.9107),
                entry("D", -6.3005));
        assertThat(parsed).extracting(ParsedCompletion::finishReason, ParsedCompletion::promptTokens,
                ParsedCompletion::completionTokens, ParsedCompletion::simulated).containsExactly("stop", 87, 2, false);
    }

    @Test
    void vllmChatWithoutLogprobsGivesTheTextOnly() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("vllm-chat.json"), true, UPPER);

        assertThat(parsed.text()).isEqualTo("The answer is C.");
        assertThat(parsed.labelLogprobs()).isEmpty();
        assertThat(parsed.completionTokens()).isEqualTo(6);
    }

    @Test
    void vllmLegacyCompletionReadsTheTopLogprobsMapOfTheFirstToken() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("vllm-completions-logprobs.json"), false, UPPER);

        assertThat(parsed.text()).isEqualTo(" C\n\nQuestion:");
        assertThat(parsed.labelLogprobs()).containsOnly(entry("C", -0.6127), entry("A", -1.4402), entry("B", -2.2140),
                entry("D", -2.9136));
        assertThat(parsed.finishReason()).isEqualTo("length");
    }

    @Test
    void vllmLegacyCompletionWithoutLogprobs() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("vllm-completions.json"), false, UPPER);

        assertThat(parsed.text()).isEqualTo(" A");
        assertThat(parsed.labelLogprobs()).isEmpty();
        assertThat(parsed.promptTokens()).isEqualTo(312);
    }

    @Test
    void openAiChatAnsweringInBracketsIsReadAtTheLabelTokenAndKeepsCase() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("openai-chat-logprobs.json"), true, List.of("a", "b", "c", "d"));

        assertThat(parsed.text()).isEqualTo("(a) Paris");
        assertThat(parsed.labelLogprobs()).containsOnly(entry("a", -0.0712), entry("b", -2.9513), entry("d", -6.0144));
    }

    @Test
    void openAiChatWithoutLogprobs() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("openai-chat.json"), true, UPPER);

        assertThat(parsed.text()).isEqualTo("B");
        assertThat(parsed.labelLogprobs()).isEmpty();
        assertThat(parsed.simulated()).isFalse();
    }

    @Test
    void anAnswerThatBeginsWithProseKeepsNoLabelLogprobs() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("openai-chat-logprobs-prose.json"), true, UPPER);

        assertThat(parsed.text()).isEqualTo("The answer is D");
        assertThat(parsed.labelLogprobs()).isEmpty();
    }

    @Test
    void openAiLegacyCompletionWithNumberLabels() throws Exception {
        ParsedCompletion parsed = responses.parse(recorded("openai-completions-logprobs.json"), false,
                List.of("1", "2", "3", "4"));

        assertThat(parsed.labelLogprobs()).containsOnly(entry("4", -0.3147), entry("2", -1.9036), entry("1", -2.6011),
                entry("3", -3.0042));
    }

    @Test
    void spellingsOfOneLabelAddUp() {
        Map<String, Double> matched = LabelLogprobs.match(Map.of(" B", Math.log(0.2), "B", Math.log(0.3),
                "(B", Math.log(0.1), "B)", Math.log(0.1), "C.", Math.log(0.05), "Bee", Math.log(0.2)), UPPER);

        assertThat(matched).containsOnlyKeys("B", "C");
        assertThat(Math.exp(matched.get("B"))).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void bodiesThatAreNoCompletionAreMalformed() {
        assertThatThrownBy(() -> responses.parse("{\"id\";\"x\"}", true, UPPER))
                .isInstanceOfSatisfying(CallFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED));
        assertThatThrownBy(() -> responses.parse("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"B", true, UPPER))
                .isInstanceOfSatisfying(CallFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED));
        assertThatThrownBy(() -> responses.parse("{\"id\":\"x\",\"choices\":[]}", true, UPPER))
                .isInstanceOfSatisfying(CallFailure.class, f -> assertThat(f.getMessage()).contains("no choices"));
    }
}
