package dev.headroom.core.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelTrendTest {

    @Test
    void slopePerTenfoldParametersWithItsTInterval() {
        // x = log10 size = 9, 10, 11, 12; y = 1, 3, 2, 4. mean x 10.5, mean y 2.5, Sxx = 5, Sxy = 4:
        // slope 0.8, intercept 2.5 - 0.8 * 10.5 = -5.9; residuals -.3 .9 -.9 .3, RSS 1.8, variance 1.8 / 2 = 0.9;
        // se(slope) = sqrt(0.9 / 5); t(2 df, 0.975) = 4.302653
        ModelTrend.Fit fit = ModelTrend.fit(List.of(point(1e9, "base", 1), point(1e10, "base", 3),
                point(1e11, "base", 2), point(1e12, "base", 4)));
        double halfWidth = 4.302653 * Math.sqrt(0.9 / 5);

        assertThat(fit.slope().estimate()).isCloseTo(0.8, within(1e-9));
        assertThat(fit.slope().low()).isCloseTo(0.8 - halfWidth, within(1e-5));
        assertThat(fit.slope().high()).isCloseTo(0.8 + halfWidth, within(1e-5));
        assertThat(fit.intercept().estimate()).isCloseTo(-5.9, within(1e-9));
        assertThat(fit.residualStandardDeviation()).isCloseTo(Math.sqrt(0.9), within(1e-9));
        assertThat(fit.types()).isEmpty();
    }

    @Test
    void theFittedMeanAtTheCentreHasTheStandardErrorOfAMean() {
        // at mean x the fitted mean is mean y = 2.5 with standard error sqrt(0.9 / 4)
        ModelTrend.Fit fit = ModelTrend.fit(List.of(point(1e9, "base", 1), point(1e10, "base", 3),
                point(1e11, "base", 2), point(1e12, "base", 4)));

        Interval centre = fit.fittedAt(Math.pow(10, 10.5), "base");

        assertThat(centre.estimate()).isCloseTo(2.5, within(1e-9));
        assertThat(centre.high() - centre.estimate()).isCloseTo(4.302653 * Math.sqrt(0.9 / 4), within(1e-5));
    }

    @Test
    void aSecondModelTypeEntersAsAShift() {
        // y = 0.5 * log10 size + 1 for instruct models, exactly
        ModelTrend.Fit fit = ModelTrend.fit(List.of(point(1e9, "base", 4.5), point(1e10, "base", 5),
                point(1e11, "base", 5.5), point(1e9, "instruct", 5.5), point(1e11, "instruct", 6.5)));

        assertThat(fit.types()).containsExactly("base", "instruct");
        assertThat(fit.slope().estimate()).isCloseTo(0.5, within(1e-9));
        assertThat(fit.typeEffects().get("instruct").estimate()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.fittedAt(1e10, "instruct").estimate()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void tooFewModelsForTheCoefficientsIsAClearError() {
        assertThatThrownBy(() -> ModelTrend.fit(List.of(point(1e9, "base", 1), point(1e10, "base", 2))))
                .hasMessage("a trend with 2 coefficients needs more than 2 models, got 2");
    }

    private static ModelPoint point(double size, String type, double value) {
        return new ModelPoint("m" + size + type, size, type, value);
    }
}
