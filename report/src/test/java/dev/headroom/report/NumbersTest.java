package dev.headroom.report;

import dev.headroom.core.stats.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void anIntervalWithoutResamplesIsLeftOut() {
        assertThat(Numbers.interval(new Interval(0.5, Double.NaN, Double.NaN))).isEmpty();
    }

    @Test
    void anAbsentStatisticIsADash() {
        assertThat(Numbers.estimate(null)).isEqualTo(Numbers.ABSENT);
    }

    @Test
    void parameterCountsReadAsPeopleSayThem() {
        assertThat(Numbers.parameters(7e9)).isEqualTo("7.00B");
        assertThat(Numbers.parameters(3.5e8)).isEqualTo("350M");
    }
}
