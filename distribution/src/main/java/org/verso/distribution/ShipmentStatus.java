package org.verso.distribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a shipment is: planned → packed → dispatched → in transit → delivered, partly delivered, returned or lost.
 * Only the next step is allowed ({@link #requireStep}); the last four end the shipment.
 */
public enum ShipmentStatus {
    PLANNED,
    PACKED,
    DISPATCHED,
    IN_TRANSIT,
    DELIVERED,
    PARTLY_DELIVERED,
    RETURNED,
    LOST;

    private static final Map<ShipmentStatus, List<ShipmentStatus>> NEXT = Map.of(
            PLANNED, List.of(PACKED),
            PACKED, List.of(DISPATCHED),
            DISPATCHED, List.of(IN_TRANSIT),
            IN_TRANSIT, List.of(DELIVERED, PARTLY_DELIVERED, RETURNED, LOST));

    /** The statuses this one may become, in order (empty for an ended shipment). */
    public List<ShipmentStatus> next() {
        return NEXT.getOrDefault(this, List.of());
    }

    /**
     * Throws {@link DistributionConflict} ({@code status-step-not-allowed}, with {@code from}, {@code to} and the
     * {@code allowed} steps) unless {@code to} is a next step of this status: no skipped steps, none backwards.
     */
    public void requireStep(ShipmentStatus to) {
        if (!next().contains(to)) {
            throw new DistributionConflict(
                    "status-step-not-allowed",
                    "a shipment " + code() + " cannot become " + to.code()
                            + (next().isEmpty()
                                    ? "; it has ended"
                                    : "; next is "
                                            + String.join(
                                                    " or ",
                                                    next().stream()
                                                            .map(ShipmentStatus::code)
                                                            .toList())),
                    Map.of(
                            "from",
                            code(),
                            "to",
                            to.code(),
                            "allowed",
                            next().stream().map(ShipmentStatus::code).toList()));
        }
    }

    /** The lower-case name used in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a status in any case, with {@code _}, {@code -} or a space between words. */
    public static ShipmentStatus parse(String text) {
        try {
            return valueOf(
                    text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DistributionInputInvalid("invalid-shipment-status", "not a shipment status: " + text);
        }
    }
}
