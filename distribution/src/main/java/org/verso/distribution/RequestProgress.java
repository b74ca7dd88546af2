package org.verso.distribution;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.verso.distribution.CopyRequest.Status;

/**
 * A request's status as its shipments say: kept in {@code dist_request.status} and set again, in the same transaction,
 * whenever a shipment serving it changes status or is linked to it. Delivered copies are read from the ledger (the
 * {@code delivered} movements out of In transit that name the shipment), so a delivery set by logistics, in part or in
 * whole, and a recipient's receipt count alike. Callers hold the shipment's row lock, then this locks the requests'
 * rows (the same order as {@link CopyRequests#link}).
 */
@Component
class RequestProgress {
    private final JdbcClient db;

    RequestProgress(JdbcClient db) {
        this.db = db;
    }

    /**
     * The status that follows from the shipments serving a request: declined stays declined (set by hand); {@code
     * copies} delivered or more: fulfilled; a shipment still on its way (not ended): planned; some delivered and
     * every shipment ended: partly fulfilled; none delivered (no shipment, or every one lost or returned): open.
     */
    static Status derive(Status current, int copies, List<ShipmentStatus> serving, int delivered) {
        if (current == Status.DECLINED) {
            return Status.DECLINED;
        }
        if (delivered >= copies) {
            return Status.FULFILLED;
        }
        if (serving.stream().anyMatch(s -> !s.next().isEmpty())) {
            return Status.PLANNED;
        }
        return delivered > 0 ? Status.PARTLY_FULFILLED : Status.OPEN;
    }

    /** Sets again the status of every request the shipment serves. */
    void shipmentChanged(ShipmentId shipment) {
        db.sql("SELECT q.id FROM dist_request q JOIN dist_request_shipment l ON l.request_id = q.id"
                        + " WHERE l.shipment_id = ? ORDER BY q.id FOR UPDATE")
                .param(shipment.value())
                .query(UUID.class)
                .list()
                .forEach(id -> refresh(new CopyRequestId(id)));
    }

    /**
     * Links each new shipment to the open requests of its recipient for an edition it carries (oldest first), and
     * sets those requests again (they become planned): a coordinator sees the request served as soon as the shipment
     * is planned. Requests already planned, fulfilled or declined are left as they are. Locks the requests' rows (the
     * shipments are new, so the order shipment, then request holds).
     */
    void linkOpen(List<ShipmentId> ids, List<Shipment.NewShipment> shipments) {
        if (ids.isEmpty()) {
            return;
        }
        java.util.Map<UUID, java.util.List<Integer>> byRecipient = new java.util.HashMap<>();
        for (int i = 0; i < shipments.size(); i++) {
            byRecipient
                    .computeIfAbsent(shipments.get(i).recipient().value(), r -> new java.util.ArrayList<>())
                    .add(i);
        }
        record Open(UUID id, UUID recipient, UUID edition) {}
        List<Open> open = db.sql("SELECT id, recipient_id, edition_id FROM dist_request WHERE status = :open"
                        + " AND recipient_id IN (:recipients) ORDER BY id FOR UPDATE")
                .param("open", Status.OPEN.name())
                .param("recipients", List.copyOf(byRecipient.keySet()))
                .query((rs, n) -> new Open(
                        rs.getObject("id", UUID.class),
                        rs.getObject("recipient_id", UUID.class),
                        rs.getObject("edition_id", UUID.class)))
                .list();
        for (Open request : open) {
            boolean linked = false;
            for (int i : byRecipient.get(request.recipient())) {
                boolean carries = shipments.get(i).lines().stream()
                        .anyMatch(l -> l.edition().value().equals(request.edition()));
                if (carries) {
                    db.sql("INSERT INTO dist_request_shipment (request_id, shipment_id) VALUES (?, ?)")
                            .params(request.id(), ids.get(i).value())
                            .update();
                    linked = true;
                }
            }
            if (linked) {
                refresh(new CopyRequestId(request.id()));
            }
        }
    }

    private record Asked(Status status, UUID edition, int copies) {}

    private record Serving(UUID shipment, ShipmentStatus status) {}

    /** Sets the request's status from its shipments; the caller holds the request's row lock. */
    void refresh(CopyRequestId id) {
        Asked asked = db.sql("SELECT status, edition_id, copies FROM dist_request WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> new Asked(
                        Status.valueOf(rs.getString("status")),
                        rs.getObject("edition_id", UUID.class),
                        rs.getInt("copies")))
                .single();
        List<Serving> serving = db.sql("SELECT s.id, s.status FROM dist_shipment s JOIN dist_request_shipment l"
                        + " ON l.shipment_id = s.id WHERE l.request_id = ? ORDER BY s.id")
                .param(id.value())
                .query((rs, n) ->
                        new Serving(rs.getObject("id", UUID.class), ShipmentStatus.valueOf(rs.getString("status"))))
                .list();
        int delivered = serving.stream()
                .mapToInt(s -> delivered(asked.edition(), s.shipment()))
                .sum();
        Status next = derive(
                asked.status(),
                asked.copies(),
                serving.stream().map(Serving::status).toList(),
                delivered);
        if (next != asked.status()) {
            db.sql("UPDATE dist_request SET status = ? WHERE id = ?")
                    .params(next.name(), id.value())
                    .update();
        }
    }

    /** Copies of the edition the shipment delivered, per the ledger. */
    private int delivered(UUID edition, UUID shipment) {
        return db.sql("SELECT COALESCE(SUM(-quantity), 0) FROM dist_movement WHERE edition_id = ? AND location_id = ?"
                        + " AND type = 'DELIVERED' AND reason LIKE ?")
                .params(edition, Shipments.IN_TRANSIT.value(), "shipment " + shipment + "%")
                .query(Integer.class)
                .single();
    }
}
