package org.verso.distribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of the ledger kept in step with it, so that the donor reports and the dashboard read whole months without
 * reading a funder's movements one by one (docs/distribution.md, "Ledger summaries"):
 *
 * <ul>
 *   <li>{@code dist_summary_movement}: per funder × UTC month × type × location, the net copies, the copies in
 *       (positive legs) and the number of movements;
 *   <li>{@code dist_summary_delivery}: per funder × UTC month × recipient, the copies delivered and the number of
 *       delivered movements, the recipient being that of the shipment the movement's reason names ({@code shipment
 *       <id>…}, as {@link Shipments} writes it; a reason naming no shipment is left out, as the reports leave it out);
 *   <li>{@code dist_summary_stock}: per edition × funder, the copies at the locations and those in transit (the
 *       dashboard's stock per edition, which would otherwise sum every balance).
 * </ul>
 *
 * {@link Ledger} calls {@link #add} in the transaction of every request it writes. A request's rows are changed in
 * one order (funder, month, type, location; funder, month, recipient; edition, funder, in transit), after its balance rows, so writers lock
 * them in one order. {@link #rebuild} recomputes both tables from the ledger.
 */
@Component
class LedgerSummaries {
    private static final String MONTH = "CAST(DATE_TRUNC('MONTH', moved_at AT TIME ZONE 'UTC') AS DATE)";
    private static final String PREFIX = "shipment ";
    private final JdbcClient db;

    LedgerSummaries(JdbcClient db) {
        this.db = db;
    }

    /** The first day of the UTC month of {@code at}. */
    static LocalDate month(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    }

    /** The instant a month (its first day) starts, UTC. */
    static Instant start(LocalDate month) {
        return month.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private record Key(UUID funder, String type, UUID location) {}

    private record Delivery(UUID funder, UUID recipient) {}

    private record Held(UUID edition, UUID funder, boolean inTransit) {}

    private static final Comparator<Key> KEYS =
            Comparator.comparing(Key::funder).thenComparing(Key::type).thenComparing(Key::location);
    private static final Comparator<Delivery> DELIVERIES =
            Comparator.comparing(Delivery::funder).thenComparing(Delivery::recipient);
    private static final Comparator<Held> HELD =
            Comparator.comparing(Held::edition).thenComparing(Held::funder).thenComparing(Held::inTransit);

    /** Adds {@code legs}, written at {@code at}, to the sums; in the caller's transaction. */
    void add(List<Ledger.Leg> legs, Instant at) {
        LocalDate month = month(at);
        TreeMap<Key, long[]> sums = new TreeMap<>(KEYS);
        TreeMap<Delivery, long[]> deliveries = new TreeMap<>(DELIVERIES);
        TreeMap<Held, long[]> held = new TreeMap<>(HELD);
        for (Ledger.Leg leg : legs) {
            held.computeIfAbsent(
                                    new Held(
                                            leg.edition().value(),
                                            leg.funder().value(),
                                            Shipments.IN_TRANSIT.equals(leg.location())),
                                    k -> new long[1])[0] +=
                    leg.quantity();
            long[] sum = sums.computeIfAbsent(
                    new Key(
                            leg.funder().value(),
                            leg.type().name(),
                            leg.location().value()),
                    k -> new long[3]);
            sum[0] += leg.quantity();
            sum[1] += Math.max(0, leg.quantity());
            sum[2]++;
            if (leg.type() == MovementType.DELIVERED) {
                recipientOf(leg.reason()).ifPresent(recipient -> {
                    long[] d =
                            deliveries.computeIfAbsent(new Delivery(leg.funder().value(), recipient), k -> new long[2]);
                    d[0] -= leg.quantity();
                    d[1]++;
                });
            }
        }
        sums.forEach((key, sum) -> {
            db.sql("INSERT INTO dist_summary_movement (funder_id, month_start, type, location_id, quantity, ins,"
                            + " movements) VALUES (?, ?, ?, ?, 0, 0, 0) ON CONFLICT DO NOTHING")
                    .params(key.funder(), month, key.type(), key.location())
                    .update();
            db.sql("UPDATE dist_summary_movement SET quantity = quantity + ?, ins = ins + ?, movements = movements + ?"
                            + " WHERE funder_id = ? AND month_start = ? AND type = ? AND location_id = ?")
                    .params(sum[0], sum[1], sum[2], key.funder(), month, key.type(), key.location())
                    .update();
        });
        deliveries.forEach((key, sum) -> {
            db.sql("INSERT INTO dist_summary_delivery (funder_id, month_start, recipient_id, copies, movements)"
                            + " VALUES (?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")
                    .params(key.funder(), month, key.recipient())
                    .update();
            db.sql("UPDATE dist_summary_delivery SET copies = copies + ?, movements = movements + ?"
                            + " WHERE funder_id = ? AND month_start = ? AND recipient_id = ?")
                    .params(sum[0], sum[1], key.funder(), month, key.recipient())
                    .update();
        });
        held.forEach((key, sum) -> {
            db.sql("INSERT INTO dist_summary_stock (edition_id, funder_id, in_transit, quantity) VALUES (?, ?, ?, 0)"
                            + " ON CONFLICT DO NOTHING")
                    .params(key.edition(), key.funder(), key.inTransit())
                    .update();
            db.sql("UPDATE dist_summary_stock SET quantity = quantity + ?"
                            + " WHERE edition_id = ? AND funder_id = ? AND in_transit = ?")
                    .params(sum[0], key.edition(), key.funder(), key.inTransit())
                    .update();
        });
    }

    /** The recipient of the shipment a delivered movement's reason names, if it names one. */
    private Optional<UUID> recipientOf(String reason) {
        if (reason == null || !reason.startsWith(PREFIX) || reason.length() < PREFIX.length() + 36) {
            return Optional.empty();
        }
        UUID shipment;
        try {
            shipment = UUID.fromString(reason.substring(PREFIX.length(), PREFIX.length() + 36));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return db.sql("SELECT recipient_id FROM dist_shipment WHERE id = ?")
                .param(shipment)
                .query(UUID.class)
                .optional();
    }

    /**
     * Recomputes both tables from the ledger (as migration V60.7 first filled them), in the caller's transaction: the
     * rows are deleted and summed again; a writer touching one of them meanwhile waits for the caller's commit.
     */
    void rebuild() {
        db.sql("DELETE FROM dist_summary_movement").update();
        db.sql("DELETE FROM dist_summary_delivery").update();
        db.sql("DELETE FROM dist_summary_stock").update();
        db.sql("INSERT INTO dist_summary_movement (funder_id, month_start, type, location_id, quantity, ins, movements)"
                        + " SELECT funder_id, " + MONTH + ", type, location_id, SUM(quantity),"
                        + " SUM(CASE WHEN quantity > 0 THEN quantity ELSE 0 END), COUNT(*) FROM dist_movement"
                        + " GROUP BY funder_id, " + MONTH + ", type, location_id")
                .update();
        db.sql("INSERT INTO dist_summary_delivery (funder_id, month_start, recipient_id, copies, movements)"
                        + " SELECT d.funder_id, d.month_start, s.recipient_id, SUM(d.copies), SUM(d.movements)"
                        + " FROM (SELECT funder_id, " + MONTH
                        + " AS month_start, SUBSTRING(reason, 10, 36) AS shipment,"
                        + " SUM(-quantity) AS copies, COUNT(*) AS movements FROM dist_movement"
                        + " WHERE type = 'DELIVERED' AND reason LIKE 'shipment %'"
                        + " GROUP BY funder_id, " + MONTH + ", SUBSTRING(reason, 10, 36)) d"
                        + " JOIN dist_shipment s ON s.id = CAST(d.shipment AS UUID)"
                        + " GROUP BY d.funder_id, d.month_start, s.recipient_id")
                .update();
        String transit = "location_id = CAST('" + Shipments.IN_TRANSIT.value() + "' AS UUID)";
        db.sql("INSERT INTO dist_summary_stock (edition_id, funder_id, in_transit, quantity)"
                        + " SELECT edition_id, funder_id, " + transit + ", SUM(quantity) FROM dist_movement"
                        + " GROUP BY edition_id, funder_id, " + transit)
                .update();
    }
}
