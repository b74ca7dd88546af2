package org.verso.distribution;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Copies of an edition at a location split over recipients: a draft to review, then planned as one shipment per
 * recipient with copies ({@link Allocations#plan}).
 *
 * @param funder whose copies the shipments take, or {@code null} for every funder's in proportion
 */
public record Allocation(
        AllocationId id,
        EditionId edition,
        LocationId location,
        FunderId funder,
        int copies,
        Method method,
        String senderOfRecord,
        Status status,
        List<Share> shares,
        Instant createdAt) {
    public Allocation {
        Objects.requireNonNull(id, "id");
        shares = List.copyOf(shares);
    }

    /** How the copies are split: equally, in proportion to weights ({@link Apportion}), or as given by hand. */
    public enum Method {
        EQUAL,
        WEIGHTED,
        BY_HAND;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new DistributionInputInvalid(
                        "invalid-allocation-method", "not an allocation method (equal, weighted, by_hand): " + text);
            }
        }
    }

    /** A draft is reviewed; planned made its shipments. */
    public enum Status {
        DRAFT,
        PLANNED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One recipient's part, and the shipment planned for it (once planned, when it has copies). */
    public record Share(RecipientId recipient, int weight, int copies, ShipmentId shipment) {}

    /** A recipient as asked for: a weight for {@code weighted}, copies for {@code by_hand}, neither for equal. */
    public record Part(RecipientId recipient, Integer weight, Integer copies) {}

    /** An allocation as asked for. */
    public record NewAllocation(
            EditionId edition,
            LocationId location,
            FunderId funder,
            int copies,
            Method method,
            String senderOfRecord,
            List<Part> recipients) {
        public static final int MAX_RECIPIENTS = 5000;

        public NewAllocation {
            if (edition == null || location == null || method == null) {
                throw invalid("edition, location and method are required");
            }
            Text.positive(copies, "copies");
            senderOfRecord = Text.required(senderOfRecord, "senderOfRecord", 300);
            if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
                throw invalid("an allocation has 1 to " + MAX_RECIPIENTS + " recipients");
            }
            recipients = List.copyOf(recipients);
            var seen = new HashSet<RecipientId>();
            for (Part part : recipients) {
                if (part.recipient() == null || !seen.add(part.recipient())) {
                    throw invalid("each recipient once: " + part.recipient());
                }
                boolean weighted = method == Method.WEIGHTED;
                boolean byHand = method == Method.BY_HAND;
                if ((part.weight() != null) != weighted || (part.copies() != null) != byHand) {
                    throw invalid(method.code() + ": "
                            + (weighted
                                    ? "a weight for every recipient"
                                    : byHand ? "copies for every recipient" : "no weights or copies"));
                }
                if ((weighted && part.weight() < 0) || (byHand && part.copies() < 0)) {
                    throw invalid("weights and copies are never negative");
                }
            }
        }

        private static DistributionInputInvalid invalid(String message) {
            return new DistributionInputInvalid("invalid-allocation", message);
        }
    }
}
