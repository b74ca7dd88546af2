package org.verso.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An order of copies of an edition from a printer, paid by one or more funders whose shares sum to the quantity.
 *
 * @param received copies received so far (more than the quantity only when a receipt said why)
 * @param shortfall copies the printer will not deliver, recorded when a partial delivery was closed
 */
public record PrintRun(
        PrintRunId id,
        EditionId edition,
        int quantity,
        String printer,
        LocalDate orderedOn,
        LocalDate expectedOn,
        LocalDate receivedOn,
        BigDecimal cost,
        String currency,
        PrintRunStatus status,
        int received,
        int shortfall,
        String shortfallReason,
        List<Share> shares) {
    public PrintRun {
        Objects.requireNonNull(id, "id");
        shares = List.copyOf(shares);
    }

    /** A funder's copies of the run, and how many of them were received. */
    public record Share(FunderId funder, int copies, int received) {
        public Share {
            if (funder == null) {
                throw new DistributionInputInvalid("invalid-share", "a share names its funder");
            }
            Text.positive(copies, "copies");
        }

        public static Share of(FunderId funder, int copies) {
            return new Share(funder, copies, 0);
        }
    }

    /** A print run as ordered; the shares must sum to the quantity. */
    public record NewPrintRun(
            EditionId edition,
            int quantity,
            String printer,
            LocalDate orderedOn,
            LocalDate expectedOn,
            BigDecimal cost,
            String currency,
            List<Share> shares) {
        public NewPrintRun {
            if (edition == null) {
                throw new DistributionInputInvalid("missing-edition", "edition is required");
            }
            Text.positive(quantity, "quantity");
            printer = Text.required(printer, "printer", 300);
            if (orderedOn == null) {
                throw new DistributionInputInvalid("missing-orderedOn", "orderedOn is required");
            }
            if (cost != null && (cost.signum() < 0 || cost.scale() > 2)) {
                throw new DistributionInputInvalid(
                        "invalid-cost", "cost is a non-negative amount with 2 decimals at most");
            }
            currency = Text.currency(currency);
            if (cost != null && currency == null) {
                throw new DistributionInputInvalid("missing-currency", "a cost needs its currency");
            }
            if (shares == null || shares.isEmpty()) {
                throw new DistributionInputInvalid("missing-shares", "a print run has at least one funder's share");
            }
            shares = List.copyOf(shares);
            if (shares.stream()
                            .map(Share::funder)
                            .collect(java.util.stream.Collectors.toCollection(HashSet::new))
                            .size()
                    != shares.size()) {
                throw new DistributionInputInvalid("duplicate-funder", "each funder has one share of a print run");
            }
            long sum = shares.stream().mapToLong(Share::copies).sum();
            if (sum != quantity) {
                throw new DistributionInputInvalid(
                        "shares-do-not-sum",
                        "the funders' shares sum to " + sum + " copies, the print run is of " + quantity,
                        Map.of("quantity", quantity, "sharesSum", sum));
            }
        }
    }

    /**
     * Copies that came in from the printer, put into stock at {@code location}. More than is still due needs a
     * reason; {@code complete} closes a partial delivery and records the rest as the printer's shortfall.
     */
    public record Receipt(LocationId location, int quantity, LocalDate receivedOn, String reason, boolean complete) {
        public Receipt {
            if (location == null) {
                throw new DistributionInputInvalid("missing-location", "location is required");
            }
            if (receivedOn == null) {
                throw new DistributionInputInvalid("missing-receivedOn", "receivedOn is required");
            }
            if (quantity < 0 || (quantity == 0 && !complete)) {
                throw new DistributionInputInvalid(
                        "invalid-quantity", "a receipt has a positive quantity (0 only to close the run)");
            }
            reason = Text.optional(reason, "reason", 500);
        }

        String fingerprint(PrintRunId run) {
            return String.join(
                    "|",
                    "receipt",
                    run.toString(),
                    location.toString(),
                    String.valueOf(quantity),
                    receivedOn.toString(),
                    String.valueOf(reason),
                    String.valueOf(complete));
        }
    }
}
