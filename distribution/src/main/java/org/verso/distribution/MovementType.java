package org.verso.distribution;

/** What a movement of the stock ledger records. */
public enum MovementType {
    /** copies from a print run came in (only through a print run's receipt) */
    RECEIVED,
    /** copies went from one location to another: one movement out, one in */
    TRANSFERRED,
    /** copies left a location for a recipient */
    DISPATCHED,
    /** a recipient confirmed copies (recorded by shipments, issue 16; no effect on a location's stock) */
    DELIVERED,
    /** copies came back to a location */
    RETURNED,
    /** copies went missing */
    LOST,
    /** copies were found damaged and taken out of stock */
    DAMAGED,
    /** a stocktake found more or fewer copies than the ledger: a signed correction */
    ADJUSTED;

    /** The lower-case name used in JSON and CSV. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a type in any case; throws {@link DistributionInputInvalid} ({@code invalid-movement-type}). */
    public static MovementType parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DistributionInputInvalid("invalid-movement-type", "not a movement type: " + text);
        }
    }
}
