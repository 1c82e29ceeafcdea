package dev.headroom.core.budget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostBudgetTest {

    private final CostBudget dollar = new CostBudget(1.0);

    @Test
    void beforeAnyCallIsPricedOnlyTheFirstRoundIsAffordable() {
        assertThat(dollar.affordableCalls(0, 0, 17)).isEqualTo(17);
    }

    @Test
    void theMoneyLeftBuysMoreCallsAtTheMeanCostPerCallSoFar() {
        // 8 calls cost $0.25: $0.03125 each, so the $0.75 left buys 24 more
        assertThat(dollar.affordableCalls(8, 0.25, 17)).isEqualTo(32);
    }

    @Test
    void noCallIsAffordableWhoseProjectedCostExceedsWhatIsLeft() {
        // $0.02 each and $0.015 left: the next call would pass the budget
        assertThat(dollar.affordableCalls(49, 0.985, 17)).isEqualTo(49);
    }

    @Test
    void aBudgetAlreadyPassedAffordsNothingMore() {
        assertThat(dollar.affordableCalls(60, 1.2, 17)).isEqualTo(60);
    }

    @Test
    void freeCallsAreNeverLimitedByMoney() {
        assertThat(dollar.affordableCalls(10, 0, 17)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aBudgetOfNothingIsRefused() {
        assertThatThrownBy(() -> new CostBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
