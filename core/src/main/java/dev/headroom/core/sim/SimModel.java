package dev.headroom.core.sim;

import dev.headroom.core.Hashing;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.Variant;

import java.util.List;

/** Answers tasks as a {@link SimProfile} says, deterministically: the same task always gets the same answer. */
public final class SimModel {

    /** What a sim says when it names no option. */
    public static final String UNPARSED_ANSWER = " I am not sure.";

    private final SimProfile profile;

    public SimModel(SimProfile profile) {
        this.profile = profile;
    }

    public SimProfile profile() {
        return profile;
    }

    /** The completion text, in the form a base model continues "Answer:" with. */
    public String answer(TaskHeader task) {
        String key = task.itemId() + "\u0000" + task.variant().id();
        if (Hashing.uniform("sim-unparsed", profile.name(), key) < profile.unparsedRate()) {
            return UNPARSED_ANSWER;
        }
        int position = Hashing.uniform("sim-knows", profile.name(), key) < knowProbability(task.itemId(), task.variant())
                ? task.goldPosition()
                : guess(task.labels().size(), Hashing.uniform("sim-guess", profile.name(), key));
        return " " + task.labels().get(position);
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
