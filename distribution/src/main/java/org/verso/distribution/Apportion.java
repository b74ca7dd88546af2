package org.verso.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits {@code n} copies over recipients in proportion to weights (equal weights for an equal split), by the
 * largest-remainder rule, deterministically:
 *
 * <ol>
 *   <li>each recipient first gets {@code floor(n × weight / total)};
 *   <li>the copies left (fewer than the number of recipients with a weight) go one each to the largest remainders
 *       {@code n × weight mod total}; ties go to the larger weight, then to the recipient listed first.
 * </ol>
 *
 * The parts sum to {@code n}; 2,000 over 18 equal weights gives 112 to the first two listed and 111 to the others.
 */
final class Apportion {
    private Apportion() {}

    /** The parts, in the order of {@code weights}; a weight of 0 gets nothing. */
    static List<Integer> split(int n, List<Integer> weights) {
        long total = weights.stream().mapToLong(Integer::longValue).sum();
        if (total <= 0) {
            throw new DistributionInputInvalid("invalid-weights", "the weights must be positive and not all 0");
        }
        List<Integer> parts = new ArrayList<>();
        long given = 0;
        for (int w : weights) {
            int base = (int) ((long) n * w / total);
            parts.add(base);
            given += base;
        }
        List<Integer> order = IntStream.range(0, weights.size())
                .filter(i -> weights.get(i) > 0)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> (long) n * weights.get(i) % total)
                        .reversed()
                        .thenComparing(Comparator.comparingInt((Integer i) -> weights.get(i))
                                .reversed())
                        .thenComparingInt(i -> i))
                .toList();
        for (int k = 0; given < n; k++, given++) {
            int i = order.get(k % order.size());
            parts.set(i, parts.get(i) + 1);
        }
        return parts;
    }
}
