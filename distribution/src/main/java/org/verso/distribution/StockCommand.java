package org.verso.distribution;

/**
 * A movement asked for over the API. Which fields a type needs:
 *
 * <ul>
 *   <li>{@code DISPATCHED}, {@code LOST}, {@code DAMAGED}: edition, location, quantity &gt; 0; funder optional (without
 *       it the copies are taken from every funder there, in proportion, see {@link Split}); LOST and DAMAGED need a
 *       reason;
 *   <li>{@code TRANSFERRED}: as DISPATCHED plus {@code toLocation} (another location);
 *   <li>{@code RETURNED}: edition, location, funder, quantity &gt; 0;
 *   <li>{@code ADJUSTED}: edition, location, funder, a signed quantity (not 0) and a reason;
 *   <li>a reversal: {@code reverses} (a movement id) and a reason; the type is the reversed movement's, the other
 *       fields must be empty. Every movement of the reversed movement's request is reversed (both legs of a
 *       transfer, each funder of a dispatch).
 * </ul>
 *
 * {@code RECEIVED} comes only from a print run's receipt; {@code DELIVERED} from shipments.
 */
public record StockCommand(
        MovementType type,
        EditionId edition,
        LocationId location,
        LocationId toLocation,
        FunderId funder,
        int quantity,
        String reason,
        Long reverses) {
    public StockCommand {
        reason = Text.optional(reason, "reason", 500);
        if (reverses != null) {
            if (edition != null || location != null || toLocation != null || funder != null || quantity != 0) {
                throw invalid("a reversal names only the movement it reverses and a reason");
            }
            requireReason(reason, "a reversal");
        } else {
            validate(type, edition, location, toLocation, funder, quantity, reason);
        }
    }

    public static StockCommand reversal(long movement, String reason) {
        return new StockCommand(null, null, null, null, null, 0, reason, movement);
    }

    /** A stable text of everything asked for: two requests with the same text are the same request. */
    String fingerprint() {
        return String.join(
                "|",
                "stock",
                String.valueOf(type),
                String.valueOf(edition),
                String.valueOf(location),
                String.valueOf(toLocation),
                String.valueOf(funder),
                String.valueOf(quantity),
                String.valueOf(reason),
                String.valueOf(reverses));
    }

    private static void validate(
            MovementType type,
            EditionId edition,
            LocationId location,
            LocationId toLocation,
            FunderId funder,
            int quantity,
            String reason) {
        if (type == null) {
            throw invalid("type is required");
        }
        if (type == MovementType.RECEIVED || type == MovementType.DELIVERED) {
            throw new DistributionInputInvalid(
                    "movement-type-not-accepted",
                    type.code() + " movements come from print run receipts and shipments, not from this request");
        }
        if (edition == null || location == null) {
            throw invalid("edition and location are required");
        }
        if (type == MovementType.TRANSFERRED) {
            if (toLocation == null || toLocation.equals(location)) {
                throw invalid("a transfer needs toLocation, another location than location");
            }
        } else if (toLocation != null) {
            throw invalid("only a transfer has toLocation");
        }
        if ((type == MovementType.RETURNED || type == MovementType.ADJUSTED) && funder == null) {
            throw invalid(type.code() + " needs the funder whose copies these are");
        }
        if (type == MovementType.ADJUSTED ? quantity == 0 : quantity <= 0) {
            throw invalid(
                    type == MovementType.ADJUSTED
                            ? "an adjustment has a signed quantity other than 0"
                            : "quantity must be positive");
        }
        if (type == MovementType.LOST || type == MovementType.DAMAGED || type == MovementType.ADJUSTED) {
            requireReason(reason, type.code());
        }
    }

    private static void requireReason(String reason, String what) {
        if (reason == null) {
            throw new DistributionInputInvalid("reason-required", what + " needs a reason");
        }
    }

    private static DistributionInputInvalid invalid(String message) {
        return new DistributionInputInvalid("invalid-movement", message);
    }
}
