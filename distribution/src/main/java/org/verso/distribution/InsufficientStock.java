package org.verso.distribution;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verso.library.ConflictException;

/**
 * Fewer copies are held than a movement takes. {@link #available()} is what is left of the item (for the funder asked
 * for, or of every funder together), {@link #byFunder()} what each funder has there.
 */
public class InsufficientStock extends ConflictException {
    private final int requested;
    private final int available;
    private final Map<FunderId, Integer> byFunder;

    InsufficientStock(int requested, int available, Map<FunderId, Integer> byFunder) {
        super(
                "insufficient-stock",
                "only " + available + " copies are left, " + requested + " were asked for; nothing was moved");
        this.requested = requested;
        this.available = available;
        this.byFunder = Map.copyOf(byFunder);
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }

    public Map<FunderId, Integer> byFunder() {
        return byFunder;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> funders = new LinkedHashMap<>();
        byFunder.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(FunderId::value)))
                .forEach(e -> funders.put(e.getKey().toString(), e.getValue()));
        return Map.of("requested", requested, "available", available, "availableByFunder", funders);
    }
}
