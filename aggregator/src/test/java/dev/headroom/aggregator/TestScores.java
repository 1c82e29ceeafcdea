package dev.headroom.aggregator;

import dev.headroom.core.message.Messages;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.LabelStyle;
import dev.headroom.core.variant.OptionOrder;
import dev.headroom.core.variant.Variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Scores as the scorer would publish them, with the labels and presented order their variant gives. */
final class TestScores {

    private static final List<String> OPTIONS = List.of("w", "x", "y", "z");

    private TestScores() {
    }

    /** @param chosen original index of the chosen option; null for an unparsed answer */
    static Score score(String runId, String model, String subject, int item, Variant variant, Integer chosen, int gold) {
        String itemId = "t/" + subject + "/test/" + item;
        LabelStyle labels = variant.labels() == null ? LabelStyle.UPPER : variant.labels();
        OptionOrder order = variant.order() == null ? OptionOrder.ORIGINAL : variant.order();
        TaskHeader header = new TaskHeader(TaskHeader.taskId(runId, model, itemId, variant.id()), runId, model, itemId,
                "t", subject, variant, OPTIONS, labels.labels(OPTIONS.size()), order.presentedOrder(OPTIONS.size(), itemId),
                gold);
        Outcome outcome = chosen == null ? Outcome.UNPARSED : chosen == gold ? Outcome.CORRECT : Outcome.INCORRECT;
        return new Score(Messages.SCHEMA_VERSION, header, outcome, chosen, chosen == null ? null : 0.25 + 0.1 * chosen,
                null);
    }

    /** The score as it would carry its completion's cost. */
    static Score costing(Score score, Double costUsd) {
        return new Score(score.schemaVersion(), score.header(), score.outcome(), score.chosenIndex(),
                score.goldProbability(), costUsd);
    }

    /** The plain variant, then variants of distinct label styles and option orders. */
    static List<Variant> variants(int count) {
        Map<String, Variant> byId = new LinkedHashMap<>(Map.of(Variant.PLAIN.id(), Variant.PLAIN));
        for (LabelStyle labels : LabelStyle.values()) {
            for (OptionOrder order : List.of(OptionOrder.ORIGINAL, OptionOrder.REVERSED, new OptionOrder(OptionOrder.Kind.SHIFT, 1))) {
                Variant variant = Variant.builder().labels(labels).order(order).build();
                byId.putIfAbsent(variant.id(), variant);
            }
        }
        List<Variant> variants = List.copyOf(byId.values());
        if (count > variants.size()) {
            throw new IllegalArgumentException("at most " + variants.size() + " test variants");
        }
        return variants.subList(0, count);
    }

    static Map<String, Score> byTaskId(List<Score> scores) {
        return scores.stream().collect(Collectors.toMap(s -> s.header().taskId(), Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}
