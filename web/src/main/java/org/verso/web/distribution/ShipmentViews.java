package org.verso.web.distribution;

import java.time.Instant;
import java.util.List;
import org.verso.distribution.Shipment;
import org.verso.distribution.ShipmentStatus;

/** What the shipments API answers: ids as text, statuses in lower case. */
final class ShipmentViews {
    private ShipmentViews() {}

    record LineView(int line, String edition, int copies, String funder) {}

    record EventView(String status, String actor, Instant at, String note) {}

    record ReceiptLineView(int line, int accepted, int damaged, int missing, String note) {}

    record ReceiptView(Instant submittedAt, String note, boolean discrepancies, List<ReceiptLineView> lines) {}

    record ShipmentView(
            String id,
            String location,
            String recipient,
            String senderOfRecord,
            String carrier,
            String trackingNumber,
            String status,
            List<String> next,
            int copies,
            List<LineView> lines,
            List<EventView> history,
            ReceiptView receipt,
            Instant createdAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(
                    s.id().toString(),
                    s.location().toString(),
                    s.recipient().toString(),
                    s.senderOfRecord(),
                    s.carrier(),
                    s.trackingNumber(),
                    s.status().code(),
                    s.status().next().stream().map(ShipmentStatus::code).toList(),
                    s.copies(),
                    s.lines().stream()
                            .map(l -> new LineView(
                                    l.line(),
                                    l.edition().toString(),
                                    l.copies(),
                                    l.funder() == null ? null : l.funder().toString()))
                            .toList(),
                    s.history().stream()
                            .map(e -> new EventView(
                                    e.status().code(),
                                    e.actor() == null ? null : e.actor().toString(),
                                    e.at(),
                                    e.note()))
                            .toList(),
                    s.receipt() == null ? null : receipt(s.receipt()),
                    s.createdAt());
        }

        private static ReceiptView receipt(Shipment.Receipt r) {
            return new ReceiptView(
                    r.submittedAt(),
                    r.note(),
                    r.discrepancies(),
                    r.lines().stream()
                            .map(l -> new ReceiptLineView(l.line(), l.accepted(), l.damaged(), l.missing(), l.note()))
                            .toList());
        }
    }
}
