package dev.headroom.core.scoring;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Grades a completion: by the label log-probabilities when the backend gave them, else by the text. */
public final class Scorer {

    private Scorer() {
    }

    public static Score score(Completion completion) {
        TaskHeader header = completion.header();
        OptionalInt position = completion.labelLogprobs().isEmpty()
                ? AnswerExtractor.chosenPosition(completion.text(), header.labels(), header.presentedOptions())
                : mostProbableLabel(completion.labelLogprobs(), header.labels());
        Double goldProbability = goldProbability(completion.labelLogprobs(), header);
        if (position.isEmpty()) {
            return new Score(Messages.SCHEMA_VERSION, header, Outcome.UNPARSED, null, goldProbability);
        }
        int chosenIndex = header.presentedOrder().get(position.getAsInt());
        Outcome outcome = chosenIndex == header.goldIndex() ? Outcome.CORRECT : Outcome.INCORRECT;
        return new Score(Messages.SCHEMA_VERSION, header, outcome, chosenIndex, goldProbability);
    }

    private static OptionalInt mostProbableLabel(Map<String, Double> logprobs, List<String> labels) {
        int best = -1;
        double bestLogprob = Double.NEGATIVE_INFINITY;
        for (int position = 0; position < labels.size(); position++) {
            Double logprob = logprobs.get(labels.get(position));
            if (logprob != null && logprob > bestLogprob) {
                best = position;
                bestLogprob = logprob;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** Normalised over the option labels only, so that it is comparable across label styles. */
    private static Double goldProbability(Map<String, Double> logprobs, TaskHeader header) {
        if (logprobs.isEmpty()) {
            return null;
        }
        double total = 0;
        for (String label : header.labels()) {
            total += Math.exp(logprobs.getOrDefault(label, Double.NEGATIVE_INFINITY));
        }
        double gold = Math.exp(logprobs.getOrDefault(header.labels().get(header.goldPosition()), Double.NEGATIVE_INFINITY));
        return total == 0 ? null : gold / total;
    }
}
