package dev.headroom.core.stats;

import org.junit.jupiter.api.Test;

import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunningMomentsTest {

    private static RunningMoments of(double... values) {
        return DoubleStream.of(values).boxed().reduce(RunningMoments.EMPTY, RunningMoments::add, RunningMoments::merge);
    }

    @Test
    void meanAndSampleVarianceOfAStream() {
        // 2 4 4 4 5 5 7 9: mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32 / 7
        RunningMoments moments = of(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(moments.count()).isEqualTo(8);
        assertThat(moments.mean()).isCloseTo(5.0, within(1e-12));
        assertThat(moments.variance()).isCloseTo(32 / 7.0, within(1e-12));
    }

    @Test
    void mergingTwoPartsEqualsAddingEverything() {
        RunningMoments merged = of(2, 4, 4).merge(of(4, 5, 5, 7, 9));
        RunningMoments whole = of(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.mean()).isCloseTo(whole.mean(), within(1e-12));
        assertThat(merged.squaredDeviations()).isCloseTo(whole.squaredDeviations(), within(1e-9));
    }

    @Test
    void stableFarFromZero() {
        // the textbook sum-of-squares formula loses every digit here; Welford keeps them: variance of 1e9 + {4, 7, 13, 16} is 30
        RunningMoments moments = of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);

        assertThat(moments.variance()).isCloseTo(30.0, within(1e-6));
    }

    @Test
    void varianceNeedsTwoValues() {
        assertThat(of(3).variance()).isNaN();
        assertThat(RunningMoments.EMPTY.merge(of(3)).mean()).isEqualTo(3.0);
    }
}
