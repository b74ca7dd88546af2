package org.verso.distribution;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.verso.accounts.AccountId;

/**
 * Copies of editions on their way from a location to a recipient.
 *
 * @param senderOfRecord who the paperwork names as the sender (a university giving the copies), not who ships them
 * @param history every status the shipment took, oldest first (the first is {@code planned})
 * @param receipt the recipient's confirmation, or {@code null} while none came
 */
public record Shipment(
        ShipmentId id,
        LocationId location,
        RecipientId recipient,
        String senderOfRecord,
        String carrier,
        String trackingNumber,
        ShipmentStatus status,
        List<Line> lines,
        List<Event> history,
        Receipt receipt,
        Instant createdAt) {
    public Shipment {
        Objects.requireNonNull(id, "id");
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    /** All copies of all lines. */
    public int copies() {
        return lines.stream().mapToInt(Line::copies).sum();
    }

    /**
     * One line: copies of an edition, of one funder's stock when {@code funder} is chosen.
     *
     * @param line its number, from 1
     */
    public record Line(int line, EditionId edition, int copies, FunderId funder) {}

    /**
     * A status the shipment took.
     *
     * @param actor who set it; {@code null} when the recipient's receipt set it (no account)
     */
    public record Event(ShipmentStatus status, AccountId actor, Instant at, String note) {}

    /** What the recipient confirmed, line by line, and whether anything was damaged or missing. */
    public record Receipt(Instant submittedAt, String note, List<ReceiptLine> lines) {
        public Receipt {
            lines = List.copyOf(lines);
        }

        public boolean discrepancies() {
            return lines.stream().anyMatch(l -> l.damaged() > 0 || l.missing() > 0);
        }
    }

    /** The recipient's count of one line. */
    public record ReceiptLine(int line, int accepted, int damaged, int missing, String note) {}

    /** A line as asked for: the funder is optional. */
    public record NewLine(EditionId edition, int copies, FunderId funder) {
        public NewLine {
            if (edition == null) {
                throw new DistributionInputInvalid("invalid-shipment", "each line needs an edition");
            }
            Text.positive(copies, "copies");
        }
    }

    /** A shipment as asked for; it starts {@code planned}. */
    public record NewShipment(
            LocationId location,
            RecipientId recipient,
            String senderOfRecord,
            String carrier,
            String trackingNumber,
            List<NewLine> lines) {
        public static final int MAX_LINES = 200;

        public NewShipment {
            if (location == null || recipient == null) {
                throw new DistributionInputInvalid("invalid-shipment", "location and recipient are required");
            }
            senderOfRecord = Text.required(senderOfRecord, "senderOfRecord", 300);
            carrier = Text.optional(carrier, "carrier", 200);
            trackingNumber = Text.optional(trackingNumber, "trackingNumber", 100);
            if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
                throw new DistributionInputInvalid("invalid-shipment", "a shipment has 1 to " + MAX_LINES + " lines");
            }
            lines = List.copyOf(lines);
            var seen = new HashSet<String>();
            for (NewLine line : lines) {
                if (!seen.add(line.edition() + "/" + line.funder())) {
                    throw new DistributionInputInvalid(
                            "invalid-shipment", "edition " + line.edition() + " is on two lines with the same funder");
                }
            }
        }
    }

    /** How many copies of one line were delivered, for a shipment {@code partly_delivered} by logistics. */
    public record Delivered(int line, int copies) {}

    /**
     * A status change asked for. {@code partly_delivered} needs {@code delivered} for every line (the rest of each
     * line is lost); {@code lost} needs a note (the reason).
     */
    public record StatusChange(ShipmentStatus status, String note, List<Delivered> delivered) {
        public StatusChange {
            if (status == null) {
                throw new DistributionInputInvalid("invalid-shipment-status", "status is required");
            }
            note = Text.optional(note, "note", 400);
            delivered = delivered == null ? List.of() : List.copyOf(delivered);
            if (status == ShipmentStatus.LOST && note == null) {
                throw new DistributionInputInvalid(
                        "reason-required", "a lost shipment needs a note saying what happened");
            }
            if (status != ShipmentStatus.PARTLY_DELIVERED && !delivered.isEmpty()) {
                throw new DistributionInputInvalid(
                        "invalid-shipment-status", "only partly_delivered takes the copies delivered per line");
            }
        }

        String fingerprint() {
            return status + "|" + note + "|" + delivered;
        }
    }
}
