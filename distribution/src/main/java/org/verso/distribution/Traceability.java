package org.verso.distribution;

import java.time.LocalDate;
import java.util.List;
import org.verso.translation.RevisionId;

/**
 * Who holds copies printed from one translation revision: the editions containing it, their print runs, the shipments
 * carrying them and the recipients they were delivered to, with counts. Copies of an edition are not told apart by
 * print run once in stock, so shipments and holders are traced per edition.
 *
 * @param printed copies ordered in the editions' print runs (cancelled runs left out)
 * @param shipped copies of the editions on shipments that were dispatched
 * @param delivered copies of the editions delivered to recipients
 */
public record Traceability(
        RevisionId revision, List<EditionTrace> editions, int printed, int shipped, int delivered, int recipients) {
    public Traceability {
        editions = List.copyOf(editions);
    }

    /** One edition containing the revision. */
    public record EditionTrace(
            EditionId edition,
            String title,
            String language,
            List<RunTrace> printRuns,
            List<ShipmentTrace> shipments,
            List<Holder> holders) {
        public EditionTrace {
            printRuns = List.copyOf(printRuns);
            shipments = List.copyOf(shipments);
            holders = List.copyOf(holders);
        }
    }

    /** A print run of the edition. */
    public record RunTrace(
            PrintRunId printRun, String printer, LocalDate orderedOn, int quantity, int received, String status) {}

    /**
     * A shipment carrying the edition: its copies of it and how many of them were delivered.
     */
    public record ShipmentTrace(
            ShipmentId shipment,
            RecipientId recipient,
            String recipientName,
            String status,
            int copies,
            int delivered) {}

    /** A recipient holding delivered copies of the edition. */
    public record Holder(RecipientId recipient, String name, String kind, String region, String city, int copies) {}
}
