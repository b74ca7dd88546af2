package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allocation's split: largest remainders, ties to the larger weight, then to the recipient listed first. */
class ApportionTest {
    @Test
    void twoThousandOverEighteenGivesTheFirstTwoListed112AndTheOthers111() {
        List<Integer> parts = Apportion.split(2000, Collections.nCopies(18, 1));

        assertThat(parts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
        assertThat(parts.subList(0, 2)).containsOnly(112);
        assertThat(parts.subList(2, 18)).containsOnly(111);
    }

    @Test
    void weightsShareInProportionAndTheRemainderGoesToTheLargestRemainders() {
        // 100 × 3/7 = 42.86, 100 × 2/7 = 28.57, 100 × 2/7 = 28.57 → 42, 28, 28 and two left: 0.86 first, then the tie
        // of
        // 0.57 goes to the one listed first
        assertThat(Apportion.split(100, List.of(3, 2, 2))).containsExactly(43, 29, 28);
        assertThat(Apportion.split(10, List.of(0, 5, 5))).containsExactly(0, 5, 5);
        assertThat(Apportion.split(1, List.of(1, 2))).containsExactly(0, 1);
    }

    @Test
    void theSplitIsTheSameEveryTime() {
        List<Integer> weights = List.of(120, 45, 45, 300, 7, 7, 7, 1);
        List<Integer> first = Apportion.split(2000, weights);

        for (int i = 0; i < 20; i++) {
            assertThat(Apportion.split(2000, weights)).isEqualTo(first);
        }
        assertThat(first.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
    }

    @Test
    void allZeroWeightsAreRefused() {
        assertThatThrownBy(() -> Apportion.split(5, List.of(0, 0)))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> assertThat(e.code())
                        .isEqualTo("invalid-weights"));
    }
}
