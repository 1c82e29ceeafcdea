package dev.headroom.core.sim;

import java.util.List;
import java.util.Objects;

/**
 * A simulated model ("sim"): a documented item-response model of answering, for demos, tests and for checking
 * Headroom's statistics against a known truth. Never a real model.
 *
 * <p>On a task the sim "knows" the answer with probability
 * {@code sigmoid(ability - difficulty(item) + formatShift(variant) + fewShotGain * min(shots, 5) / 5)},
 * where difficulty is a standard normal draw fixed by the item id and formatShift a normal draw with standard
 * deviation {@code formatSensitivity} fixed by the model and the variant. If it does not know, it guesses a
 * presented position with weights {@code guessWeights} (missing positions weigh 1). With probability
 * {@code unparsedRate} it answers with no option at all.
 *
 * @param parameterCount nominal size in parameters, for trends across sizes
 * @param type           base, instruct, rlhf or fine-tuned, as published ladders label models
 */
public record SimProfile(String name, String family, double parameterCount, String type, double ability,
                         double formatSensitivity, double fewShotGain, List<Double> guessWeights,
                         double unparsedRate) {

    public SimProfile {
        Objects.requireNonNull(name, "a sim profile needs a name");
        guessWeights = guessWeights == null ? List.of() : List.copyOf(guessWeights);
    }

    double guessWeight(int position) {
        return position < guessWeights.size() ? guessWeights.get(position) : 1.0;
    }
}
