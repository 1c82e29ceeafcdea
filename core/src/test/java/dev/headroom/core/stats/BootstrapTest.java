package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {

    /** 100 items, one variant, the first 50 right. */
    private static VariantMatrix halfRight() {
        List<ScoredTask> tasks = IntStream.range(0, 100).mapToObj(i -> new ScoredTask("b", "s", "item" + i, "v",
                Map.of(), i < 50 ? Outcome.CORRECT : Outcome.INCORRECT, i < 50 ? 0 : 1, 0, null, null, null, null))
                .toList();
        return VariantMatrix.of(tasks);
    }

    @Test
    void aProportionsIntervalMatchesTheNormalApproximation() {
        // p = 0.5, n = 100: standard error sqrt(0.25 / 100) = 0.05, so about 0.5 -+ 1.96 * 0.05 = [0.402, 0.598]
        Interval interval = Bootstrap.of(halfRight(), 2000, 11).interval(tally -> tally.accuracy(0));

        assertThat(interval.estimate()).isEqualTo(0.5);
        assertThat(interval.low()).isCloseTo(0.402, within(0.015));
        assertThat(interval.high()).isCloseTo(0.598, within(0.015));
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        VariantMatrix matrix = halfRight();

        assertThat(Bootstrap.of(matrix, 200, 5).interval(tally -> tally.accuracy(0)))
                .isEqualTo(Bootstrap.of(matrix, 200, 5).interval(tally -> tally.accuracy(0)));
    }

    @Test
    void withoutResamplesTheBoundsAreNaN() {
        Interval interval = Bootstrap.of(halfRight(), 0, 5).interval(tally -> tally.accuracy(0));

        assertThat(interval.estimate()).isEqualTo(0.5);
        assertThat(interval.low()).isNaN();
        assertThat(interval.high()).isNaN();
    }

    @Test
    void aStatisticWithNoValueHasNoInterval() {
        // one variant: no standard deviation across variants
        assertThat(Bootstrap.of(halfRight(), 10, 5).interval(Tally::standardDeviation)).isNull();
    }
}
