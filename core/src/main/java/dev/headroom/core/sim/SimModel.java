package dev.headroom.core.sim;

import dev.headroom.core.Hashing;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.Variant;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/** Answers tasks as a {@link SimProfile} says, deterministically: the same task always gets the same answer. */
public final class SimModel {

    /** What a sim says when it names no option. */
    public static final String UNPARSED_ANSWER = " I am not sure.";

    private static final double TIE_BREAK = 1e-9;

    private final SimProfile profile;

    public SimModel(SimProfile profile) {
        this.profile = profile;
    }

    public SimProfile profile() {
        return profile;
    }

    /** The completion text, in the form a base model continues "Answer:" with. */
    public String answer(TaskHeader task) {
        OptionalInt position = answeredPosition(task);
        return position.isEmpty() ? UNPARSED_ANSWER : " " + task.labels().get(position.getAsInt());
    }

    /** The presented position the sim names for this task; empty when it names none. */
    private OptionalInt answeredPosition(TaskHeader task) {
        String key = task.itemId() + "\u0000" + task.variant().id();
        if (Hashing.uniform("sim-unparsed", profile.name(), key) < profile.unparsedRate()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Hashing.uniform("sim-knows", profile.name(), key) < knowProbability(task.itemId(), task.variant())
                ? task.goldPosition()
                : guess(task.labels().size(), Hashing.uniform("sim-guess", profile.name(), key)));
    }

    /**
     * The first answer token's distribution a server playing this sim reports, consistent with {@link #answer}: the
     * {@link #positionProbabilities} with the answered position's probability swapped with the highest one (the
     * unparsed share's included), so that the label answered is the most probable, as for a model that decodes
     * greedily; a tie is broken towards it by 1e-9. Across tasks the reported probabilities keep the values the sim
     * samples from, only their places change. When the sim names no option every label gets 0. What the labels leave
     * short of 1 is the unparsed answer's probability.
     */
    public List<Double> answeredProbabilities(TaskHeader task) {
        OptionalInt answered = answeredPosition(task);
        double[] probabilities = positionProbabilities(task).stream().mapToDouble(Double::doubleValue).toArray();
        if (answered.isEmpty()) {
            return Collections.nCopies(probabilities.length, 0.0);
        }
        int chosen = answered.getAsInt();
        double unparsed = profile.unparsedRate();
        int highest = chosen;
        for (int position = 0; position < probabilities.length; position++) {
            highest = probabilities[position] > probabilities[highest] ? position : highest;
        }
        swap(probabilities, chosen, highest);
        if (unparsed > 0 && unparsed >= probabilities[chosen]) {
            probabilities[chosen] = unparsed + TIE_BREAK;
        }
        for (int position = 0; position < probabilities.length; position++) {
            if (position != chosen && probabilities[position] >= probabilities[chosen]) {
                probabilities[position] -= TIE_BREAK;
                probabilities[chosen] += TIE_BREAK;
            }
        }
        return Arrays.stream(probabilities).boxed().toList();
    }

    private static void swap(double[] values, int i, int j) {
        double kept = values[i];
        values[i] = values[j];
        values[j] = kept;
    }

    /** The true probability of a correct answer, unparsed answers counted as wrong: the truth estimators are checked against. */
    public double correctProbability(TaskHeader task) {
        return positionProbabilities(task).get(task.goldPosition());
    }

    /**
     * The probability that {@link #answer} names each presented position; what they leave short of 1 is the
     * chance of an unparsed answer. A server that plays this sim reports these as the labels' log-probabilities.
     */
    public List<Double> positionProbabilities(TaskHeader task) {
        double know = knowProbability(task.itemId(), task.variant());
        int optionCount = task.labels().size();
        Double[] probabilities = new Double[optionCount];
        for (int position = 0; position < optionCount; position++) {
            double chosen = (1 - know) * guessWeightShare(position, optionCount)
                    + (position == task.goldPosition() ? know : 0);
            probabilities[position] = (1 - profile.unparsedRate()) * chosen;
        }
        return List.of(probabilities);
    }

    double knowProbability(String itemId, Variant variant) {
        double logit = profile.ability() - difficulty(itemId)
                + profile.formatSensitivity() * standardNormal("sim-format", profile.name(), variant.id())
                + profile.fewShotGain() * Math.min(variant.shots(), 5) / 5.0;
        return 1 / (1 + Math.exp(-logit));
    }

    /** Item difficulty on the logit scale, shared by every sim model so that hard items are hard for all. */
    static double difficulty(String itemId) {
        return standardNormal("sim-difficulty", itemId);
    }

    private int guess(int optionCount, double uniform) {
        double total = 0;
        for (int position = 0; position < optionCount; position++) {
            total += profile.guessWeight(position);
        }
        double target = uniform * total;
        for (int position = 0; position < optionCount; position++) {
            target -= profile.guessWeight(position);
            if (target < 0) {
                return position;
            }
        }
        return optionCount - 1;
    }

    private double guessWeightShare(int position, int optionCount) {
        double total = 0;
        for (int p = 0; p < optionCount; p++) {
            total += profile.guessWeight(p);
        }
        return profile.guessWeight(position) / total;
    }

    /** Box–Muller over two hashed uniforms. */
    private static double standardNormal(String... parts) {
        double u1 = Hashing.uniform(append(parts, "u1"));
        double u2 = Hashing.uniform(append(parts, "u2"));
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static String[] append(String[] parts, String last) {
        String[] all = List.of(parts).toArray(new String[parts.length + 1]);
        all[parts.length] = last;
        return all;
    }
}
