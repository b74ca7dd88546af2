package org.verso.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits copies across funders in proportion to weights by the largest-remainder rule, deterministically:
 *
 * <ol>
 *   <li>each funder first gets {@code floor(n × weight / total)};
 *   <li>the copies left (fewer than the number of funders) go one each to the funders with the largest remainders
 *       {@code n × weight mod total}; ties go to the larger weight, then to the smaller funder id (UUID order).
 * </ol>
 *
 * No funder gets more than its weight when {@code n ≤ total}. Funders of weight 0 get nothing.
 */
final class Split {
    private Split() {}

    static Map<FunderId, Integer> proportional(int n, Map<FunderId, Integer> weights) {
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        Map<FunderId, Integer> result = new LinkedHashMap<>();
        if (n == 0 || total == 0) {
            return result;
        }
        record Part(FunderId funder, int weight, long remainder) {}
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (var e : weights.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            long product = (long) n * e.getValue();
            int base = (int) (product / total);
            result.put(e.getKey(), base);
            given += base;
            parts.add(new Part(e.getKey(), e.getValue(), product % total));
        }
        parts.sort(Comparator.comparingLong(Part::remainder)
                .reversed()
                .thenComparing(Comparator.comparingInt(Part::weight).reversed())
                .thenComparing(p -> p.funder().value()));
        for (int i = 0; given < n; i++, given++) {
            result.merge(parts.get(i % parts.size()).funder(), 1, Integer::sum);
        }
        result.values().removeIf(v -> v == 0);
        return result;
    }
}
