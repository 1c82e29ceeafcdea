package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.ModelCard;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricesTest {

    @Test
    void onlyOnePriceConfiguredIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> BackendProducer.checkPrices(Optional.of(0.15), Optional.empty()))
                .hasMessageContaining("headroom.worker.card.usd-per-million-prompt-tokens")
                .hasMessageContaining("headroom.worker.card.usd-per-million-completion-tokens")
                .hasMessageContaining("only the prompt price is set");
        assertThatThrownBy(() -> BackendProducer.checkPrices(Optional.empty(), Optional.of(0.6)))
                .hasMessageContaining("only the completion price is set");
    }

    @Test
    void bothPricesOrNeitherAreAccepted() {
        assertThatCode(() -> BackendProducer.checkPrices(Optional.of(0.0), Optional.of(0.0))).doesNotThrowAnyException();
        assertThatCode(() -> BackendProducer.checkPrices(Optional.empty(), Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void aCompletionCostsItsTokensAtTheCardsPricesAndNothingKnownWithoutThem() {
        Completion completion = new Completion(1, null, " A", Map.of(), "stop", 1_000, 10, 200, 1, "openai", null);

        assertThat(completion.pricedBy(card(2.0, 8.0)).costUsd()).isEqualTo((1_000 * 2.0 + 10 * 8.0) / 1e6);
        assertThat(completion.pricedBy(card(0.0, 0.0)).costUsd()).isZero();
        assertThat(completion.pricedBy(card(null, null)).costUsd()).isNull();
    }

    private static ModelCard card(Double prompt, Double completion) {
        return new ModelCard(1, "m", "openai", "f", 0, "instruct", 4, prompt, completion);
    }
}
