package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The largest-remainder rule that splits copies across funders. */
class SplitTest {
    private static final FunderId A = new FunderId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final FunderId B = new FunderId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private static final FunderId C = new FunderId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));

    @Test
    void equalSharesSplitEvenlyAndAnOddCopyGoesToTheSmallerFunderId() {
        assertThat(Split.proportional(1990, weights(1000, 1000, 0)))
                .containsEntry(A, 995)
                .containsEntry(B, 995);
        assertThat(Split.proportional(3, weights(1000, 1000, 0)))
                .containsEntry(A, 2)
                .containsEntry(B, 1);
    }

    @Test
    void theLeftoverCopiesGoToTheLargestRemainders() {
        // 10 × 5/12 = 4.17, 10 × 4/12 = 3.33, 10 × 3/12 = 2.5 → 4, 3, 2 and the last copy to C (remainder 6 of 12)
        assertThat(Split.proportional(10, weights(5, 4, 3)))
                .containsEntry(A, 4)
                .containsEntry(B, 3)
                .containsEntry(C, 3);
    }

    @Test
    void noFunderGetsMoreThanItsWeightAndTheSumIsExact() {
        var random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            var weights = weights(random.nextInt(20), random.nextInt(20), random.nextInt(20));
            int total = weights.values().stream().mapToInt(Integer::intValue).sum();
            int n = total == 0 ? 0 : random.nextInt(total + 1);
            var split = Split.proportional(n, weights);
            assertThat(split.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(n);
            split.forEach((funder, copies) -> assertThat(copies).isBetween(1, weights.get(funder)));
        }
    }

    private static Map<FunderId, Integer> weights(int a, int b, int c) {
        var weights = new LinkedHashMap<FunderId, Integer>();
        weights.put(A, a);
        weights.put(B, b);
        weights.put(C, c);
        return weights;
    }
}
