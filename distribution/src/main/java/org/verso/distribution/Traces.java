package org.verso.distribution;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.Traceability.EditionTrace;
import org.verso.distribution.Traceability.Holder;
import org.verso.distribution.Traceability.RunTrace;
import org.verso.distribution.Traceability.ShipmentTrace;
import org.verso.translation.RevisionId;
import org.verso.translation.Revisions;

/**
 * Erratum traceability: from a translation revision to the editions containing it, their print runs, the shipments
 * and the recipients holding copies. Delivered copies come from the ledger's delivered movements of each shipment
 * (the movement's reason names it, as {@link Shipments} writes it).
 *
 * <p>Thread-safe. Throws {@link DistributionNotFound} ({@code revision-not-found}) for a revision that neither exists
 * nor is in any edition.
 */
@Service
public class Traces {
    private final JdbcClient db;
    private final Revisions revisions;

    Traces(JdbcClient db, Revisions revisions) {
        this.db = db;
        this.revisions = revisions;
    }

    /** Everything printed from {@code revision} and where it went. */
    @Transactional(readOnly = true)
    public Traceability of(RevisionId revision) {
        List<EditionTrace> editions = new ArrayList<>();
        List<Object[]> found = db.sql("SELECT DISTINCT e.id, e.title, e.language FROM dist_edition e JOIN"
                        + " dist_edition_item i ON i.edition_id = e.id WHERE i.revision_id = ? ORDER BY e.title, e.id")
                .param(revision.value())
                .query((rs, n) ->
                        new Object[] {rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("language")})
                .list();
        if (found.isEmpty() && revisions.find(revision).isEmpty()) {
            throw new DistributionNotFound("revision", revision);
        }
        int printed = 0;
        int shipped = 0;
        int delivered = 0;
        java.util.Set<UUID> holders = new java.util.HashSet<>();
        for (Object[] e : found) {
            UUID edition = (UUID) e[0];
            List<RunTrace> runs = runs(edition);
            List<ShipmentTrace> shipments = shipments(edition);
            List<Holder> held = holders(shipments, edition);
            printed += runs.stream()
                    .filter(r -> !r.status().equals("cancelled"))
                    .mapToInt(RunTrace::quantity)
                    .sum();
            shipped += shipments.stream()
                    // dispatched or later: planned, packed and cancelled shipments never left
                    .filter(s -> !List.of("planned", "packed", "cancelled").contains(s.status()))
                    .mapToInt(ShipmentTrace::copies)
                    .sum();
            delivered += shipments.stream().mapToInt(ShipmentTrace::delivered).sum();
            held.forEach(h -> holders.add(h.recipient().value()));
            editions.add(new EditionTrace(new EditionId(edition), (String) e[1], (String) e[2], runs, shipments, held));
        }
        return new Traceability(revision, editions, printed, shipped, delivered, holders.size());
    }

    private List<RunTrace> runs(UUID edition) {
        return db.sql("SELECT id, printer, ordered_on, quantity, received, status FROM dist_print_run"
                        + " WHERE edition_id = ? ORDER BY ordered_on, id")
                .param(edition)
                .query((rs, n) -> new RunTrace(
                        new PrintRunId(rs.getObject("id", UUID.class)),
                        rs.getString("printer"),
                        rs.getObject("ordered_on", Date.class).toLocalDate(),
                        rs.getInt("quantity"),
                        rs.getInt("received"),
                        rs.getString("status").toLowerCase(Locale.ROOT)))
                .list();
    }

    private List<ShipmentTrace> shipments(UUID edition) {
        Map<UUID, Integer> delivered = new LinkedHashMap<>();
        db.sql("SELECT SUBSTRING(m.reason, 10, 36) AS shipment, SUM(-m.quantity) AS copies FROM dist_movement m"
                        + " WHERE m.edition_id = ? AND m.location_id = ? AND m.type = 'DELIVERED'"
                        + " AND m.reason LIKE 'shipment %' GROUP BY SUBSTRING(m.reason, 10, 36)")
                .params(edition, Shipments.IN_TRANSIT.value())
                .query(rs -> {
                    delivered.put(UUID.fromString(rs.getString("shipment")), rs.getInt("copies"));
                });
        return db.sql(
                        "SELECT s.id, s.recipient_id, r.name, s.status, SUM(l.copies) AS copies FROM dist_shipment s"
                                + " JOIN dist_shipment_line l ON l.shipment_id = s.id"
                                + " JOIN dist_recipient r ON r.id = s.recipient_id WHERE l.edition_id = ?"
                                + " GROUP BY s.id, s.recipient_id, r.name, s.status, s.created_at ORDER BY r.name, s.created_at")
                .param(edition)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ShipmentTrace(
                            new ShipmentId(id),
                            new RecipientId(rs.getObject("recipient_id", UUID.class)),
                            rs.getString("name"),
                            rs.getString("status").toLowerCase(Locale.ROOT),
                            rs.getInt("copies"),
                            delivered.getOrDefault(id, 0));
                })
                .list();
    }

    private List<Holder> holders(List<ShipmentTrace> shipments, UUID edition) {
        Map<UUID, Integer> copies = new LinkedHashMap<>();
        shipments.stream()
                .filter(s -> s.delivered() > 0)
                .forEach(s -> copies.merge(s.recipient().value(), s.delivered(), Integer::sum));
        List<Holder> holders = new ArrayList<>();
        copies.forEach(
                (id, n) -> holders.add(db.sql("SELECT id, name, kind, region, city FROM dist_recipient WHERE id = ?")
                        .param(id)
                        .query((rs, i) -> new Holder(
                                new RecipientId(id),
                                rs.getString("name"),
                                rs.getString("kind").toLowerCase(Locale.ROOT),
                                rs.getString("region"),
                                rs.getString("city"),
                                n))
                        .single()));
        return holders;
    }
}
