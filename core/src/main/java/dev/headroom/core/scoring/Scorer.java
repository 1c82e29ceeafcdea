package dev.headroom.core.scoring;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Grades a completion: by the label log-probabilities when the backend gave some for the task's labels, else
 * by the text ({@link AnswerExtractor}). The chosen presented position maps back through the variant's option
 * order to the original option.
 */
public final class Scorer {

    private Scorer() {
    }

    public static Score score(Completion completion) {
        TaskHeader header = completion.header();
        double[] probabilities = labelProbabilities(completion.labelLogprobs(), LabelSet.of(header.labels()));
        OptionalInt position = probabilities == null
                ? AnswerExtractor.chosenPosition(completion.text(), header.labels(), header.presentedOptions())
                : OptionalInt.of(argmax(probabilities));
        Double goldProbability = probabilities == null ? null : goldShare(probabilities, header.goldPosition());
        if (position.isEmpty()) {
            return new Score(Messages.SCHEMA_VERSION, header, Outcome.UNPARSED, null, goldProbability,
                    completion.costUsd());
        }
        int chosenIndex = header.presentedOrder().get(position.getAsInt());
        Outcome outcome = chosenIndex == header.goldIndex() ? Outcome.CORRECT : Outcome.INCORRECT;
        return new Score(Messages.SCHEMA_VERSION, header, outcome, chosenIndex, goldProbability, completion.costUsd());
    }

    /**
     * Probability of each presented label, adding up the token forms that stand for it (" A", "A", "(A"): they
     * are different next tokens naming the same option. Null when no token with a probability above zero stands for a label.
     */
    private static double[] labelProbabilities(Map<String, Double> logprobs, LabelSet labels) {
        double[] probabilities = new double[labels.size()];
        boolean any = false;
        for (Map.Entry<String, Double> entry : logprobs.entrySet()) {
            OptionalInt position = labels.positionOfToken(entry.getKey());
            double probability = entry.getValue() == null ? 0 : Math.exp(entry.getValue());
            if (position.isPresent() && probability > 0) {
                probabilities[position.getAsInt()] += probability;
                any = true;
            }
        }
        return any ? probabilities : null;
    }

    /** Ties go to the earlier position, so that the same log-probabilities always give the same answer. */
    private static int argmax(double[] probabilities) {
        int best = 0;
        for (int position = 1; position < probabilities.length; position++) {
            if (probabilities[position] > probabilities[best]) {
                best = position;
            }
        }
        return best;
    }

    /** Normalised over the option labels only, so that it is comparable across label styles. */
    private static double goldShare(double[] probabilities, int goldPosition) {
        double total = 0;
        for (double probability : probabilities) {
            total += probability;
        }
        return probabilities[goldPosition] / total;
    }
}
