package org.verso.distribution;

/** Where a print run stands: ordered → printing → received (partly or fully), or cancelled. */
public enum PrintRunStatus {
    ORDERED,
    PRINTING,
    RECEIVED_PARTLY,
    RECEIVED_FULLY,
    CANCELLED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PrintRunStatus parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DistributionInputInvalid("invalid-status", "not a print run status: " + text);
        }
    }
}
