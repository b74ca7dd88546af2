package org.verso.distribution;

import java.time.Instant;
import java.util.List;

/**
 * The logistics dashboard: stock per edition, shipments on their way and those overdue, deliveries per month, each
 * funder's progress and the requests waiting.
 *
 * @param onTheirWay shipments dispatched or in transit
 * @param overdue those of them dispatched more than {@link Dashboards#OVERDUE} ago, the oldest first
 */
public record Dashboard(
        List<EditionStock> stock,
        int onTheirWay,
        List<Waiting> overdue,
        List<DonorReport.Count> deliveriesByMonth,
        List<Progress> funders,
        int requestsWaiting,
        List<WaitingRequest> oldestRequests) {
    public Dashboard {
        stock = List.copyOf(stock);
        overdue = List.copyOf(overdue);
        deliveriesByMonth = List.copyOf(deliveriesByMonth);
        funders = List.copyOf(funders);
        oldestRequests = List.copyOf(oldestRequests);
    }

    /** Copies of an edition at the locations and in transit. */
    public record EditionStock(EditionId edition, String title, int inStock, int inTransit) {}

    /** A shipment on its way since {@code dispatchedAt}. */
    public record Waiting(ShipmentId shipment, String recipient, String status, int copies, Instant dispatchedAt) {}

    /** A funder's copies printed and delivered so far. */
    public record Progress(FunderId funder, String name, int printed, int delivered) {
        /** Delivered as a whole percentage of printed (0 when nothing was printed). */
        public int percent() {
            return printed == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * delivered / printed));
        }
    }

    /** A request still open or planned. */
    public record WaitingRequest(
            CopyRequestId request, String recipient, String edition, int copies, String status, Instant since) {}
}
