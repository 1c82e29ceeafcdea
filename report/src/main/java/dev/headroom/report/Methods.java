package dev.headroom.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each number of a report means (docs/statistics.md), shared by the HTML and the Markdown report. */
final class Methods {

    /** Term, then its definition, in the order the reports list them. */
    static final Map<String, String> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put("Accuracy", "correct answers / scored tasks of a variant. An answer naming no option "
                + "(unparsed) counts as wrong here and everywhere below; the unparsed rate reports it on its own.");
        DEFINITIONS.put("Plain", "accuracy of the plain variant: the standard format (lm-evaluation-harness's MMLU "
                + "prompt, 0-shot). Absent when the run did not include it.");
        DEFINITIONS.put("MaxP", "accuracy of the best variant, chosen and scored on the same items. It is optimistic: "
                + "with many variants the best one is partly the luckiest one (the winner's curse).");
        DEFINITIONS.put("Held-out best", "the best variant chosen on some items and scored on others. Items are "
                + "split into two halves by a hash of their id (SHA-256 of \"held-out-half\" and the id; the split "
                + "does not depend on the order of the rows). The variant best on half A is scored on half B and the "
                + "variant best on half B is scored on half A (ties: the first variant id); the two scores are "
                + "averaged, each weighted by the number of tasks it was scored on. It is free of MaxP's winner's "
                + "curse and slightly conservative (each pick is made on half the items). The two chosen variants "
                + "are listed.");
        DEFINITIONS.put("MaxP optimism", "MaxP − held-out best.");
        DEFINITIONS.put("Majority vote", "per item, the option chosen most often across all variants (ties broken "
                + "by a fixed hash of the item and option; an item every variant left unparsed counts as wrong), "
                + "then the share of items where that option is right.");
        DEFINITIONS.put("Spread", "MaxP − the worst variant's accuracy. The box of the spread chart spans the 25th "
                + "to 75th percentile of the variants' accuracies, its line is the median, its whiskers the worst "
                + "and best variant; each dot is one variant.");
        DEFINITIONS.put("Elicitation gap", "held-out best − plain: what choosing the format on held-out items gains "
                + "over the standard format.");
        DEFINITIONS.put("Per-dimension effect", "for each value of a prompt dimension (labels, separator, order, "
                + "...), the mean accuracy of the variants with that value, each variant weighing the same. Only "
                + "dimensions with two values or more in the run are shown.");
        DEFINITIONS.put("Label bias", "how often the gold option was presented at each position, against how often "
                + "each position was chosen, pooled over variants. RStd is the population standard deviation, over "
                + "positions, of the recall when the gold was at that position (Zheng et al. 2024): 0 is no bias.");
        DEFINITIONS.put("Trends", "the elicitation gap and the spread against log10 of the parameter count from the "
                + "model cards, coloured by model type, fitted by least squares with a type effect when there are "
                + "two types or more; no line when the models do not determine a fit.");
        DEFINITIONS.put("Intervals", "every [low, high] is a 95% item-clustered percentile bootstrap interval: items "
                + "are resampled with all their variants' answers, each statistic is recomputed (the held-out "
                + "winners re-chosen), and the 2.5th and 97.5th percentiles are taken. For MaxP and spread it shows "
                + "sampling variability, not a correction of their selection bias.");
    }

    private Methods() {
    }
}
