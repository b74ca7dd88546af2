package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.accounts.AccountId;
import org.verso.distribution.Shipment.Delivered;
import org.verso.distribution.Shipment.Event;
import org.verso.distribution.Shipment.Line;
import org.verso.distribution.Shipment.NewLine;
import org.verso.distribution.Shipment.NewShipment;
import org.verso.distribution.Shipment.Receipt;
import org.verso.distribution.Shipment.ReceiptLine;
import org.verso.distribution.Shipment.StatusChange;

/**
 * The shipments and their status, planned → packed → dispatched → in transit → delivered, partly delivered, returned
 * or lost ({@link ShipmentStatus}). The changes that move copies write them through the stock ledger, in the same
 * transaction as the status:
 *
 * <ul>
 *   <li>dispatched: {@code dispatched} out of the shipment's location, in to {@link #IN_TRANSIT} (per funder: the
 *       line's funder, or every funder there in proportion, see {@link Split}); fewer copies than the lines ask for
 *       is {@link InsufficientStock} and nothing changes;
 *   <li>delivered: {@code delivered} out of {@link #IN_TRANSIT}; lost: {@code lost} out of it; returned: {@code
 *       returned} out of it and back into the shipment's location; partly delivered: {@code delivered} for the copies
 *       delivered, {@code lost} for the rest. The same funders' copies as the dispatch took.
 * </ul>
 *
 * <p>Thread-safe: a change locks the shipment's row first, then the balances. Throws {@link DistributionConflict}
 * ({@code status-step-not-allowed}), {@link InsufficientStock}, {@link DistributionInputInvalid} and {@link
 * DistributionNotFound}.
 */
@Service
public class Shipments {
    /** The location that holds copies dispatched and not yet delivered, returned or lost (created by V60.2). */
    public static final LocationId IN_TRANSIT = new LocationId(UUID.fromString("00000000-0000-0000-0000-00000000d157"));

    private final JdbcClient db;
    private final JdbcTemplate batches;
    private final Ledger ledger;
    private final Clock clock;
    private final RequestProgress requests;
    private final Reservations reservations;
    private final ReceiptTokens links;

    Shipments(
            JdbcClient db,
            JdbcTemplate batches,
            Ledger ledger,
            Clock clock,
            RequestProgress requests,
            Reservations reservations,
            ReceiptTokens links) {
        this.db = db;
        this.reservations = reservations;
        this.links = links;
        this.batches = batches;
        this.ledger = ledger;
        this.clock = clock;
        this.requests = requests;
    }

    /** What a status change did: the shipment after it and the movements it wrote (earlier, when replayed). */
    public record Changed(Shipment shipment, List<Movement> movements, boolean replayed) {}

    /** Which shipments a listing shows; {@code null} fields do not filter. */
    public record Filter(ShipmentStatus status, RecipientId recipient, boolean discrepanciesOnly) {
        public static final Filter ALL = new Filter(null, null, false);
    }

    @Transactional
    public Shipment create(NewShipment shipment, AccountId actor) {
        return get(createAll(List.of(shipment), actor).get(0));
    }

    /**
     * Planned shipments (one for {@link #create}, many for an allocation's plan), checked and then written in three
     * batches: an allocation's 500 shipments in a few round trips instead of some 4,000. Answers their ids in order.
     * Their copies are reserved ({@link Reservations}): more than is on hand and not reserved already is {@link
     * InsufficientStock} and nothing is written. Each is linked to the open requests it serves ({@link
     * RequestProgress#linkOpen}).
     */
    @Transactional
    List<ShipmentId> createAll(List<NewShipment> shipments, AccountId actor) {
        // in create's order for one shipment: its location, its recipient, its lines' editions and funders
        java.util.Set<UUID> checked = new java.util.HashSet<>();
        for (NewShipment shipment : shipments) {
            if (shipment.location().equals(IN_TRANSIT)) {
                throw new DistributionInputInvalid(
                        "invalid-shipment", "copies are shipped from a real location, not from those in transit");
            }
            require(checked, "dist_location", shipment.location().value(), "location");
        }
        Exists.requireAll(
                db,
                "dist_recipient",
                shipments.stream().map(s -> s.recipient().value()).toList(),
                "recipient");
        for (NewShipment shipment : shipments) {
            for (NewLine line : shipment.lines()) {
                require(checked, "dist_edition", line.edition().value(), "edition");
                if (line.funder() != null) {
                    require(checked, "dist_funder", line.funder().value(), "funder");
                }
            }
        }
        reservations.require(shipments.stream()
                .flatMap(s -> s.lines().stream()
                        .map(l -> new Reservations.Demand(l.edition(), s.location(), l.funder(), l.copies())))
                .toList());
        Timestamp now = Timestamp.from(clock.instant());
        List<ShipmentId> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (NewShipment shipment : shipments) {
            ShipmentId id = ShipmentId.random();
            ids.add(id);
            rows.add(new Object[] {
                id.value(),
                shipment.location().value(),
                shipment.recipient().value(),
                shipment.senderOfRecord(),
                shipment.carrier(),
                shipment.trackingNumber(),
                ShipmentStatus.PLANNED.name(),
                actor.value(),
                now
            });
            int number = 0;
            for (NewLine line : shipment.lines()) {
                lines.add(new Object[] {
                    id.value(),
                    ++number,
                    line.edition().value(),
                    line.copies(),
                    line.funder() == null ? null : line.funder().value()
                });
            }
            events.add(new Object[] {id.value(), ShipmentStatus.PLANNED.name(), actor.value(), now});
        }
        batches.batchUpdate(
                "INSERT INTO dist_shipment (id, location_id, recipient_id, sender_of_record, carrier, tracking_number,"
                        + " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        batches.batchUpdate(
                "INSERT INTO dist_shipment_line (shipment_id, line_no, edition_id, copies, funder_id)"
                        + " VALUES (?, ?, ?, ?, ?)",
                lines);
        batches.batchUpdate(
                "INSERT INTO dist_shipment_event (shipment_id, status, actor, note, at) VALUES (?, ?, ?, NULL, ?)",
                events);
        requests.linkOpen(ids, shipments);
        return ids;
    }

    private void require(java.util.Set<UUID> checked, String table, UUID id, String what) {
        if (checked.add(id)) {
            Exists.require(db, table, id, what);
        }
    }

    @Transactional(readOnly = true)
    public Shipment get(ShipmentId id) {
        return find(id).orElseThrow(() -> new DistributionNotFound("shipment", id));
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> find(ShipmentId id) {
        return db.sql("SELECT * FROM dist_shipment WHERE id = ?")
                .param(id.value())
                .query(this::shipment)
                .optional();
    }

    /** Shipments, newest first. */
    @Transactional(readOnly = true)
    public ResultPage<Shipment> list(Filter filter, Paging paging) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            clauses.add("s.status = ?");
            params.add(filter.status().name());
        }
        if (filter.recipient() != null) {
            clauses.add("s.recipient_id = ?");
            params.add(filter.recipient().value());
        }
        if (filter.discrepanciesOnly()) {
            clauses.add("EXISTS (SELECT 1 FROM dist_receipt_line r WHERE r.shipment_id = s.id"
                    + " AND (r.damaged > 0 OR r.missing > 0))");
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        long total = db.sql("SELECT COUNT(*) FROM dist_shipment s" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(paging.size());
        paged.add(paging.offset());
        List<Shipment> items = db.sql("SELECT s.* FROM dist_shipment s" + where
                        + " ORDER BY s.created_at DESC, s.id LIMIT ? OFFSET ?")
                .params(paged)
                .query(this::shipment)
                .list();
        return ResultPage.of(items, paging, total);
    }

    /**
     * Moves the shipment one step on, once per {@code idempotencyKey} ({@code null}: a key of its own). A retried
     * change answers what the first made.
     */
    public Changed changeStatus(ShipmentId id, StatusChange change, String idempotencyKey, AccountId actor) {
        String key = idempotencyKey == null ? "shipment-" + UUID.randomUUID() : Stock.validKey(idempotencyKey);
        var written = ledger.write(
                key,
                Stock.fingerprint("shipment|" + id + "|" + change.fingerprint()),
                actor,
                locks -> plan(id, change, actor, locks),
                () -> requests.shipmentChanged(id));
        return new Changed(get(id), written.movements(), written.replayed());
    }

    private List<Ledger.Leg> plan(ShipmentId id, StatusChange change, AccountId actor, Ledger.Locks locks) {
        Shipment shipment = lock(id);
        shipment.status().requireStep(change.status());
        String reason = reason(shipment, change.note());
        List<Ledger.Leg> legs =
                switch (change.status()) {
                    case DISPATCHED -> dispatch(shipment, reason, locks);
                    case DELIVERED -> fromTransit(shipment, all(shipment, true), reason, locks);
                    case PARTLY_DELIVERED ->
                        fromTransit(shipment, delivered(shipment, change.delivered()), reason, locks);
                    case LOST -> fromTransit(shipment, all(shipment, false), reason, locks);
                    case RETURNED -> returned(shipment, reason, locks);
                    default -> List.of();
                };
        setStatus(id, change.status(), actor, change.note());
        if (change.status() == ShipmentStatus.PACKED) {
            // the parcel's slip will carry the receipt link: the shipment gets one now, shown again on every reprint
            links.issueIfNone(id, ShipmentReceipts.DEFAULT_VALIDITY, actor);
        } else if (change.status() == ShipmentStatus.CANCELLED) {
            links.revokeLive(id); // nothing will arrive to confirm
        }
        return legs;
    }

    /** Locks the shipment's row for the rest of the transaction and reads it. */
    Shipment lock(ShipmentId id) {
        db.sql("SELECT id FROM dist_shipment WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("shipment", id));
        return get(id);
    }

    void setStatus(ShipmentId id, ShipmentStatus status, AccountId actor, String note) {
        db.sql("UPDATE dist_shipment SET status = ? WHERE id = ?")
                .params(status.name(), id.value())
                .update();
        event(id, status, actor, note);
    }

    private void event(ShipmentId id, ShipmentStatus status, AccountId actor, String note) {
        db.sql("INSERT INTO dist_shipment_event (shipment_id, status, actor, note, at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        status.name(),
                        actor == null ? null : actor.value(),
                        note,
                        Timestamp.from(clock.instant()))
                .update();
    }

    static String reason(Shipment shipment, String note) {
        return "shipment " + shipment.id() + (note == null ? "" : ": " + note);
    }

    private List<Ledger.Leg> dispatch(Shipment shipment, String reason, Ledger.Locks locks) {
        List<Ledger.Leg> legs = new ArrayList<>();
        Map<EditionId, Map<FunderId, Integer>> held = new LinkedHashMap<>();
        shipment.lines().stream()
                .map(Line::edition)
                .distinct()
                .sorted(Comparator.comparing(EditionId::value))
                .forEach(edition -> held.put(
                        edition,
                        new LinkedHashMap<>(locks.lock(edition, shipment.location(), IN_TRANSIT)
                                .get(shipment.location()))));
        for (Line line : shipment.lines()) {
            Map<FunderId, Integer> there = held.get(line.edition());
            Map<FunderId, Integer> takes = Stock.take(there, line.funder(), line.copies());
            takes.forEach((funder, copies) -> {
                there.merge(funder, -copies, Integer::sum);
                db.sql("INSERT INTO dist_shipment_part (shipment_id, line_no, funder_id, copies) VALUES (?, ?, ?, ?)")
                        .params(shipment.id().value(), line.line(), funder.value(), copies)
                        .update();
                legs.add(leg(MovementType.DISPATCHED, line.edition(), shipment.location(), funder, -copies, reason));
                legs.add(leg(MovementType.DISPATCHED, line.edition(), IN_TRANSIT, funder, copies, reason));
            });
        }
        return legs;
    }

    private List<Ledger.Leg> returned(Shipment shipment, String reason, Ledger.Locks locks) {
        List<Ledger.Leg> legs = new ArrayList<>();
        lockEditions(shipment, locks, shipment.location(), IN_TRANSIT);
        parts(shipment.id()).forEach((line, funders) -> {
            EditionId edition = shipment.lines().get(line - 1).edition();
            funders.forEach((funder, copies) -> {
                legs.add(leg(MovementType.RETURNED, edition, IN_TRANSIT, funder, -copies, reason));
                legs.add(leg(MovementType.RETURNED, edition, shipment.location(), funder, copies, reason));
            });
        });
        return legs;
    }

    /** Per line: copies delivered, damaged and missing (their sum is the line's copies). */
    record Counts(int delivered, int damaged, int missing) {}

    /** Every copy of every line delivered ({@code true}) or missing ({@code false}). */
    private static Map<Integer, Counts> all(Shipment shipment, boolean delivered) {
        Map<Integer, Counts> counts = new TreeMap<>();
        shipment.lines()
                .forEach(l ->
                        counts.put(l.line(), delivered ? new Counts(l.copies(), 0, 0) : new Counts(0, 0, l.copies())));
        return counts;
    }

    private static Map<Integer, Counts> delivered(Shipment shipment, List<Delivered> delivered) {
        Map<Integer, Integer> byLine = new TreeMap<>();
        for (Delivered d : delivered) {
            if (d.line() < 1 || d.line() > shipment.lines().size() || byLine.put(d.line(), d.copies()) != null) {
                throw new DistributionInputInvalid("invalid-line", "no such line, or named twice: " + d.line());
            }
            int copies = shipment.lines().get(d.line() - 1).copies();
            if (d.copies() < 0 || d.copies() > copies) {
                throw new DistributionInputInvalid(
                        "delivered-exceeds-shipped",
                        "line " + d.line() + " shipped " + copies + " copies; " + d.copies() + " cannot be delivered",
                        Map.of("line", d.line(), "shipped", copies));
            }
        }
        if (byLine.size() != shipment.lines().size()) {
            throw new DistributionInputInvalid(
                    "invalid-line", "partly_delivered names the copies delivered of every line");
        }
        Map<Integer, Counts> counts = new TreeMap<>();
        shipment.lines().forEach(l -> {
            int d = byLine.get(l.line());
            counts.put(l.line(), new Counts(d, 0, l.copies() - d));
        });
        if (counts.values().stream().allMatch(c -> c.missing() == 0)
                || counts.values().stream().allMatch(c -> c.delivered() == 0)) {
            throw new DistributionInputInvalid(
                    "invalid-partial-delivery",
                    "partly delivered means some copies arrived and some did not; use delivered or lost");
        }
        return counts;
    }

    /**
     * The legs that take each line's copies out of transit: delivered, damaged, lost, each split over the funders
     * the dispatch took the line's copies from ({@link Split} over what is left of each).
     */
    List<Ledger.Leg> fromTransit(Shipment shipment, Map<Integer, Counts> counts, String reason, Ledger.Locks locks) {
        lockEditions(shipment, locks, IN_TRANSIT);
        List<Ledger.Leg> legs = new ArrayList<>();
        Map<Integer, Map<FunderId, Integer>> parts = parts(shipment.id());
        for (Line line : shipment.lines()) {
            Counts c = counts.get(line.line());
            Map<FunderId, Integer> left = parts.get(line.line());
            take(legs, left, MovementType.DELIVERED, line.edition(), c.delivered(), reason);
            take(legs, left, MovementType.DAMAGED, line.edition(), c.damaged(), reason);
            take(legs, left, MovementType.LOST, line.edition(), c.missing(), reason);
        }
        return legs;
    }

    private static void take(
            List<Ledger.Leg> legs,
            Map<FunderId, Integer> left,
            MovementType type,
            EditionId edition,
            int copies,
            String reason) {
        Split.proportional(copies, left).forEach((funder, n) -> {
            left.merge(funder, -n, Integer::sum);
            legs.add(leg(type, edition, IN_TRANSIT, funder, -n, reason));
        });
    }

    private static void lockEditions(Shipment shipment, Ledger.Locks locks, LocationId... locations) {
        shipment.lines().stream()
                .map(Line::edition)
                .distinct()
                .sorted(Comparator.comparing(EditionId::value))
                .forEach(edition -> locks.lock(edition, locations));
    }

    /** The copies each funder paid for, per line, as the dispatch took them (ordered by funder). */
    private Map<Integer, Map<FunderId, Integer>> parts(ShipmentId id) {
        Map<Integer, Map<FunderId, Integer>> parts = new TreeMap<>();
        db.sql("SELECT line_no, funder_id, copies FROM dist_shipment_part WHERE shipment_id = ? ORDER BY line_no,"
                        + " funder_id")
                .param(id.value())
                .query((rs, n) -> parts.computeIfAbsent(rs.getInt("line_no"), l -> new LinkedHashMap<>())
                        .put(new FunderId(rs.getObject("funder_id", UUID.class)), rs.getInt("copies")))
                .list();
        return parts;
    }

    private static Ledger.Leg leg(
            MovementType type, EditionId edition, LocationId location, FunderId funder, int quantity, String reason) {
        return new Ledger.Leg(type, edition, location, funder, quantity, reason, null, null);
    }

    private Shipment shipment(ResultSet rs, int n) throws SQLException {
        ShipmentId id = new ShipmentId(rs.getObject("id", UUID.class));
        List<Line> lines = db.sql("SELECT * FROM dist_shipment_line WHERE shipment_id = ? ORDER BY line_no")
                .param(id.value())
                .query((r, i) -> {
                    UUID funder = r.getObject("funder_id", UUID.class);
                    return new Line(
                            r.getInt("line_no"),
                            new EditionId(r.getObject("edition_id", UUID.class)),
                            r.getInt("copies"),
                            funder == null ? null : new FunderId(funder));
                })
                .list();
        List<Event> history = db.sql("SELECT * FROM dist_shipment_event WHERE shipment_id = ? ORDER BY id")
                .param(id.value())
                .query((r, i) -> {
                    UUID actor = r.getObject("actor", UUID.class);
                    return new Event(
                            ShipmentStatus.valueOf(r.getString("status")),
                            actor == null ? null : new AccountId(actor),
                            r.getTimestamp("at").toInstant(),
                            r.getString("note"));
                })
                .list();
        return new Shipment(
                id,
                new LocationId(rs.getObject("location_id", UUID.class)),
                new RecipientId(rs.getObject("recipient_id", UUID.class)),
                rs.getString("sender_of_record"),
                rs.getString("carrier"),
                rs.getString("tracking_number"),
                ShipmentStatus.valueOf(rs.getString("status")),
                lines,
                history,
                receipt(id),
                rs.getTimestamp("created_at").toInstant());
    }

    private Receipt receipt(ShipmentId id) {
        return db.sql("SELECT note, submitted_at FROM dist_receipt WHERE shipment_id = ?")
                .param(id.value())
                .query((rs, n) -> new Receipt(
                        rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("note"),
                        db.sql("SELECT * FROM dist_receipt_line WHERE shipment_id = ? ORDER BY line_no")
                                .param(id.value())
                                .query((r, i) -> new ReceiptLine(
                                        r.getInt("line_no"),
                                        r.getInt("accepted"),
                                        r.getInt("damaged"),
                                        r.getInt("missing"),
                                        r.getString("note")))
                                .list()))
                .optional()
                .orElse(null);
    }
}
