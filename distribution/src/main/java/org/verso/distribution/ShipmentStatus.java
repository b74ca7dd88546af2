package org.verso.distribution;

import java.util.List;
import java.util.Map;

/**
 * Where a shipment is: planned → packed → dispatched → in transit → delivered, partly delivered, returned or lost; a
 * planned or packed shipment may be cancelled instead (its copies never left). Only the next step is allowed ({@link
 * #requireStep}); the last five end the shipment.
 */
public enum ShipmentStatus {
    PLANNED,
    PACKED,
    DISPATCHED,
    IN_TRANSIT,
    DELIVERED,
    PARTLY_DELIVERED,
    RETURNED,
    LOST,
    CANCELLED;

    private static final Map<ShipmentStatus, List<ShipmentStatus>> NEXT = Map.of(
            PLANNED, List.of(PACKED, CANCELLED),
            PACKED, List.of(DISPATCHED, CANCELLED),
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
        Steps.require("shipment", this, to, next());
    }

    /** The lower-case name used in JSON. */
    public String code() {
        return Steps.code(this);
    }

    /** Reads a status in any case, with {@code _}, {@code -} or a space between words. */
    public static ShipmentStatus parse(String text) {
        return Steps.parse(ShipmentStatus.class, text, "invalid-shipment-status", "shipment");
    }
}
