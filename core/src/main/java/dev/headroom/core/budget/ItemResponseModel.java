package dev.headroom.core.budget;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Rasch-type item-response model of sparse (variant, item) outcomes: {@code logit P(correct) = ability(v) -
 * difficulty(i)}, abilities drawn from {@code N(mu, tau^2)} and difficulties from {@code N(0, sigma^2)}. Fitted by
 * alternating one-dimensional Newton steps on the penalised log-likelihood (the posterior mode), with {@code tau^2}
 * and {@code sigma^2} re-estimated between steps from the modes and their curvatures (EM under the Laplace
 * approximation): empirical-Bayes shrinkage, so a variant seen on few items is pulled towards the others.
 *
 * <p>The likelihood depends on which pairs were observed only through the observed outcomes, so pairs chosen
 * adaptively (from earlier outcomes) are fitted like any others.
 */
public final class ItemResponseModel {

    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-6;
    private static final double MIN_VARIANCE = 1e-4;
    private static final double MAX_STEP = 2;

    private ItemResponseModel() {
    }

    /** Outcomes of calls: call {@code k} asked variant {@code variant[k]} item {@code item[k]}. */
    public record Outcomes(int[] variant, int[] item, boolean[] correct) {
    }

    /**
     * Fits the model.
     *
     * @param variants number of variants
     * @param items    number of items (items never observed keep difficulty 0, the prior mean)
     */
    public static Fit fit(int variants, int items, Outcomes outcomes) {
        int[] variant = outcomes.variant();
        int[] item = outcomes.item();
        boolean[] correct = outcomes.correct();
        double[] ability = new double[variants];
        double[] abilityCurvature = new double[variants];
        double[] difficulty = new double[items];
        double[] difficultyCurvature = new double[items];
        boolean[] itemSeen = new boolean[items];
        for (int k = 0; k < item.length; k++) {
            itemSeen[item[k]] = true;
        }
        double mean = 0;
        double abilityVariance = 1;
        double difficultyVariance = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[variants];
            Arrays.fill(abilityCurvature, 0);
            for (int k = 0; k < variant.length; k++) {
                double p = logistic(ability[variant[k]] - difficulty[item[k]]);
                gradient[variant[k]] += (correct[k] ? 1 : 0) - p;
                abilityCurvature[variant[k]] += p * (1 - p);
            }
            double largestStep = 0;
            for (int v = 0; v < variants; v++) {
                abilityCurvature[v] += 1 / abilityVariance;
                double step = clamp((gradient[v] - (ability[v] - mean) / abilityVariance) / abilityCurvature[v]);
                ability[v] += step;
                largestStep = Math.max(largestStep, Math.abs(step));
            }
            gradient = new double[items];
            Arrays.fill(difficultyCurvature, 0);
            for (int k = 0; k < variant.length; k++) {
                double p = logistic(ability[variant[k]] - difficulty[item[k]]);
                gradient[item[k]] += p - (correct[k] ? 1 : 0);
                difficultyCurvature[item[k]] += p * (1 - p);
            }
            for (int i = 0; i < items; i++) {
                difficultyCurvature[i] += 1 / difficultyVariance;
                double step = clamp((gradient[i] - difficulty[i] / difficultyVariance) / difficultyCurvature[i]);
                difficulty[i] += step;
                largestStep = Math.max(largestStep, Math.abs(step));
            }
            mean = Arrays.stream(ability).average().orElse(0);
            double previousVariances = abilityVariance + difficultyVariance;
            abilityVariance = Math.max(MIN_VARIANCE, meanSquare(ability, abilityCurvature, mean, null));
            difficultyVariance = Math.max(MIN_VARIANCE, meanSquare(difficulty, difficultyCurvature, 0, itemSeen));
            if (largestStep < TOLERANCE && Math.abs(abilityVariance + difficultyVariance - previousVariances) < TOLERANCE) {
                break;
            }
        }
        double[] abilitySd = Arrays.stream(abilityCurvature).map(h -> Math.sqrt(1 / h)).toArray();
        return new Fit(ability, abilitySd, difficulty, mean, abilityVariance, difficultyVariance);
    }

    /** The EM update of a prior variance: mean over the (seen) parameters of mode² plus posterior variance. */
    private static double meanSquare(double[] modes, double[] curvature, double mean, boolean[] seen) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < modes.length; j++) {
            if (seen == null || seen[j]) {
                sum += (modes[j] - mean) * (modes[j] - mean) + 1 / curvature[j];
                count++;
            }
        }
        return count == 0 ? 1 : sum / count;
    }

    private static double clamp(double step) {
        return Math.max(-MAX_STEP, Math.min(MAX_STEP, step));
    }

    static double logistic(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /**
     * A fitted model.
     *
     * @param ability            each variant's posterior mode (shrunken towards {@code mean})
     * @param abilitySd          its posterior standard deviation, from the curvature
     * @param difficulty         each item's posterior mode
     * @param mean               the abilities' prior mean
     * @param abilityVariance    {@code tau^2}, the spread of abilities across variants
     * @param difficultyVariance {@code sigma^2}
     */
    public record Fit(double[] ability, double[] abilitySd, double[] difficulty, double mean,
                      double abilityVariance, double difficultyVariance) {

        private static final double CURVE_STEP = 0.01;
        private static final double CURVE_SPAN = 12;

        /**
         * The fit with every ability moved by the one amount that makes the fitted probabilities of these outcomes
         * sum to their number correct (Newton on the shift); unchanged when there are none.
         */
        public Fit levelledOn(Outcomes outcomes) {
            double shift = 0;
            for (int iteration = 0; iteration < 50 && outcomes.variant().length > 0; iteration++) {
                double residual = 0;
                double curvature = 0;
                for (int k = 0; k < outcomes.variant().length; k++) {
                    double p = logistic(ability[outcomes.variant()[k]] + shift - difficulty[outcomes.item()[k]]);
                    residual += (outcomes.correct()[k] ? 1 : 0) - p;
                    curvature += p * (1 - p);
                }
                double step = clamp(residual / curvature);
                shift += step;
                if (Math.abs(step) < TOLERANCE) {
                    break;
                }
            }
            double moved = shift;
            return new Fit(Arrays.stream(ability).map(a -> a + moved).toArray(), abilitySd, difficulty, mean + moved,
                    abilityVariance, difficultyVariance);
        }

        /** A variant's expected accuracy over all the items: the mean over items of P(correct | its ability). */
        public double accuracy(int v) {
            return accuracyAt(ability[v]);
        }

        /** The expected accuracy over all the items of a variant of the given ability. */
        public double accuracyAt(double logit) {
            double sum = 0;
            for (double b : difficulty) {
                sum += logistic(logit - b);
            }
            return sum / difficulty.length;
        }

        /**
         * The {@code probability} quantiles of the variants' accuracies, each the mean over {@code draws} draws
         * of every ability from its posterior normal of that quantile of the drawn set, with the 2.5% and 97.5%
         * points of the draws as its 95% interval. The quantile of the posterior modes would understate the spread
         * (each mode is shrunk, the less-asked ones more); the posterior mean of the population's quantile does not,
         * and stays valid when how much a variant was asked depended on its outcomes (successive halving asks the
         * better variants more), since the posterior depends on the design only through the outcomes observed.
         */
        public double[][] accuracyQuantiles(double[] probabilities, int draws, long seed) {
            if (draws < 1) {
                throw new IllegalArgumentException("quantiles need at least one draw, got " + draws);
            }
            AccuracyCurve curve = new AccuracyCurve();
            Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            double[][] drawn = new double[probabilities.length][draws];
            SplittableRandom random = new SplittableRandom(seed);
            double[] sample = new double[ability.length];
            for (int d = 0; d < draws; d++) {
                for (int v = 0; v < ability.length; v++) {
                    sample[v] = curve.at(ability[v] + abilitySd[v] * gaussian(random));
                }
                for (int q = 0; q < probabilities.length; q++) {
                    drawn[q][d] = percentile.evaluate(sample, probabilities[q] * 100);
                }
            }
            double[][] result = new double[probabilities.length][];
            for (int q = 0; q < probabilities.length; q++) {
                result[q] = new double[] {Arrays.stream(drawn[q]).average().orElseThrow(),
                        percentile.evaluate(drawn[q], 2.5), percentile.evaluate(drawn[q], 97.5)};
            }
            return result;
        }

        private static double gaussian(SplittableRandom random) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }

        /** {@link #accuracyAt} tabulated every 0.01 logits about the mean and interpolated: cheap enough to draw from. */
        private final class AccuracyCurve {
            private final double[] values;
            private final double start = mean - CURVE_SPAN / 2;

            AccuracyCurve() {
                values = new double[(int) Math.round(CURVE_SPAN / CURVE_STEP) + 1];
                for (int j = 0; j < values.length; j++) {
                    values[j] = accuracyAt(start + j * CURVE_STEP);
                }
            }

            double at(double logit) {
                double position = (logit - start) / CURVE_STEP;
                if (position <= 0 || position >= values.length - 1) {
                    return accuracyAt(logit);
                }
                int j = (int) position;
                double fraction = position - j;
                return values[j] * (1 - fraction) + values[j + 1] * fraction;
            }
        }
    }
}
