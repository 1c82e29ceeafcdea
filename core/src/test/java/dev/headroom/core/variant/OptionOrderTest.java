package dev.headroom.core.variant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OptionOrderTest {

    @Test
    void shiftRotatesLeft() {
        assertThat(new OptionOrder(OptionOrder.Kind.SHIFT, 1).presentedOrder(4, "x")).containsExactly(1, 2, 3, 0);
    }

    @Test
    void shuffleIsAPermutationFixedBySeedAndItem() {
        OptionOrder shuffle = new OptionOrder(OptionOrder.Kind.SHUFFLE, 7);

        assertThat(shuffle.presentedOrder(10, "item-1")).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                .isEqualTo(shuffle.presentedOrder(10, "item-1"))
                .isNotEqualTo(shuffle.presentedOrder(10, "item-2"));
    }
}
