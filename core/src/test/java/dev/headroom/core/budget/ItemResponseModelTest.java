package dev.headroom.core.budget;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ItemResponseModelTest {

    private static final int VARIANTS = 30;
    private static final int ITEMS = 600;

    /** Outcomes drawn from the model itself on a random half of the pairs: abilities spaced 0.1 apart, difficulties N(0, 1). */
    @Test
    void recoversKnownAbilitiesFromASparseSampleOfTheirOwnModel() {
        SplittableRandom random = new SplittableRandom(7);
        double[] ability = new double[VARIANTS];
        for (int v = 0; v < VARIANTS; v++) {
            ability[v] = 0.5 + 0.1 * (v - VARIANTS / 2.0);
        }
        double[] difficulty = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            difficulty[i] = gaussian(random);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int v = 0; v < VARIANTS; v++) {
            for (int i = 0; i < ITEMS; i++) {
                if (random.nextDouble() < 0.5) {
                    pairs.add(new int[] {v, i});
                }
            }
        }
        int[] variant = pairs.stream().mapToInt(pair -> pair[0]).toArray();
        int[] item = pairs.stream().mapToInt(pair -> pair[1]).toArray();
        boolean[] correct = new boolean[pairs.size()];
        for (int k = 0; k < correct.length; k++) {
            correct[k] = random.nextDouble() < ItemResponseModel.logistic(ability[variant[k]] - difficulty[item[k]]);
        }

        ItemResponseModel.Fit fit = ItemResponseModel.fit(VARIANTS, ITEMS, new ItemResponseModel.Outcomes(variant, item, correct));

        double trueSpread = 0.1 * Math.sqrt((VARIANTS * VARIANTS - 1) / 12.0);
        double[] trueAccuracy = new double[VARIANTS];
        double[] fitted = new double[VARIANTS];
        double meanError = 0;
        for (int v = 0; v < VARIANTS; v++) {
            for (double b : difficulty) {
                trueAccuracy[v] += ItemResponseModel.logistic(ability[v] - b) / ITEMS;
            }
            fitted[v] = fit.accuracy(v);
            meanError += Math.abs(fitted[v] - trueAccuracy[v]) / VARIANTS;
        }
        // about 300 outcomes a variant: a raw mean's standard error is 0.029
        assertThat(meanError).isLessThan(0.02);
        assertThat(new PearsonsCorrelation().correlation(fitted, trueAccuracy)).isGreaterThan(0.95);
        assertThat(Math.sqrt(fit.abilityVariance())).isCloseTo(trueSpread, Offset.offset(0.1));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
