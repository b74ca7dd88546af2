package org.verso.distribution;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.DonorReport.Count;

/**
 * Donor reports: one funder's copies in a period, from its print-run shares and the ledger. Days are UTC days; the
 * period includes both ends. Deliveries are placed at their recipient through the shipment named by the delivered
 * movement's reason ({@code shipment <id>…}, as {@link Shipments} writes it).
 *
 * <p>Thread-safe. Throws {@link DistributionNotFound} for an unknown funder, {@link DistributionInputInvalid}
 * ({@code invalid-period}) when {@code from} is after {@code to}.
 */
@Service
public class DonorReports {
    private final JdbcClient db;
    private final Funders funders;

    DonorReports(JdbcClient db, Funders funders) {
        this.db = db;
        this.funders = funders;
    }

    /** The report of {@code funder} from {@code from} to {@code to}, both included. */
    @Transactional(readOnly = true)
    public DonorReport report(FunderId funder, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new DistributionInputInvalid(
                    "invalid-period", "a report needs a period whose start is not after its end: " + from + " – " + to);
        }
        Funder named = funders.get(funder);
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end =
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        int printed = db.sql("SELECT COALESCE(SUM(s.copies), 0) FROM dist_print_run_share s JOIN dist_print_run r"
                        + " ON r.id = s.print_run_id WHERE s.funder_id = ? AND r.status <> 'CANCELLED'"
                        + " AND r.ordered_on >= ? AND r.ordered_on <= ?")
                .params(funder.value(), from, to)
                .query(Integer.class)
                .single();
        Map<MovementType, Integer> byType = new TreeMap<>();
        int[] inTransit = {0};
        int[] returned = {0};
        Map<String, Integer> byLocation = new TreeMap<>();
        db.sql("SELECT m.type, m.location_id, l.name, SUM(m.quantity) AS net,"
                        + " SUM(CASE WHEN m.quantity > 0 THEN m.quantity ELSE 0 END) AS ins"
                        + " FROM dist_movement m JOIN dist_location l ON l.id = m.location_id"
                        + " WHERE m.funder_id = ? AND m.moved_at >= ? AND m.moved_at < ?"
                        + " GROUP BY m.type, m.location_id, l.name")
                .params(funder.value(), start, end)
                .query(rs -> {
                    MovementType type = MovementType.valueOf(rs.getString("type"));
                    int net = rs.getInt("net");
                    boolean transit = Shipments.IN_TRANSIT.value().equals(rs.getObject("location_id"));
                    byType.merge(type, net, Integer::sum);
                    if (transit) {
                        inTransit[0] += net;
                    } else {
                        byLocation.merge(rs.getString("name"), net, Integer::sum);
                        if (type == MovementType.RETURNED) {
                            returned[0] += rs.getInt("ins");
                        }
                    }
                });
        List<Count> locations = new ArrayList<>();
        byLocation.forEach((name, copies) -> {
            if (copies != 0) {
                locations.add(new Count(name, copies));
            }
        });
        int inStock = locations.stream().mapToInt(Count::copies).sum();
        int delivered = -byType.getOrDefault(MovementType.DELIVERED, 0);
        int damaged = -byType.getOrDefault(MovementType.DAMAGED, 0);
        int lost = -byType.getOrDefault(MovementType.LOST, 0);
        Deliveries deliveries = deliveries(funder, start, end);
        int accounted = (inStock - returned[0]) + inTransit[0] + delivered + damaged + lost + returned[0];
        return new DonorReport(
                funder,
                named.name(),
                from,
                to,
                printed,
                byType.getOrDefault(MovementType.RECEIVED, 0),
                inStock,
                locations,
                inTransit[0],
                delivered,
                deliveries.kind().list(),
                deliveries.region().list(),
                deliveries.city().list(),
                deliveries.month().listInOrder(),
                damaged,
                lost,
                returned[0],
                byType.getOrDefault(MovementType.ADJUSTED, 0),
                DonorReport.Check.of(printed, accounted));
    }

    private record Deliveries(Tally kind, Tally region, Tally city, Tally month) {}

    private Deliveries deliveries(FunderId funder, Timestamp start, Timestamp end) {
        Deliveries d = new Deliveries(new Tally(), new Tally(), new Tally(), new Tally());
        // grouped by shipment first, then joined to the shipment by its id (a join on the reason's text compared
        // every delivery with every shipment: minutes on H2 at 1,000,000 movements, see docs/distribution.md)
        db.sql("SELECT r.kind, r.region, r.city, d.y, d.mo, SUM(d.copies) AS copies FROM"
                        + " (SELECT SUBSTRING(m.reason, 10, 36) AS shipment, EXTRACT(YEAR FROM m.moved_at) AS y,"
                        + " EXTRACT(MONTH FROM m.moved_at) AS mo, SUM(-m.quantity) AS copies FROM dist_movement m"
                        + " WHERE m.funder_id = ? AND m.type = 'DELIVERED' AND m.moved_at >= ? AND m.moved_at < ?"
                        + " AND m.reason LIKE 'shipment %' GROUP BY SUBSTRING(m.reason, 10, 36),"
                        + " EXTRACT(YEAR FROM m.moved_at), EXTRACT(MONTH FROM m.moved_at)) d"
                        + " JOIN dist_shipment s ON s.id = CAST(d.shipment AS UUID)"
                        + " JOIN dist_recipient r ON r.id = s.recipient_id"
                        + " GROUP BY r.kind, r.region, r.city, d.y, d.mo")
                .params(funder.value(), start, end)
                .query(rs -> {
                    int copies = rs.getInt("copies");
                    d.kind().add(rs.getString("kind").toLowerCase(Locale.ROOT), copies);
                    d.region().add(rs.getString("region"), copies);
                    d.city().add(rs.getString("city"), copies);
                    d.month().add(String.format(Locale.ROOT, "%04d-%02d", rs.getInt("y"), rs.getInt("mo")), copies);
                });
        return d;
    }

    /** Copies per name; a missing name is "—". */
    private static final class Tally {
        private final Map<String, Integer> copies = new TreeMap<>();

        void add(String name, int n) {
            copies.merge(name == null || name.isBlank() ? "—" : name, n, Integer::sum);
        }

        /** The most copies first, then by name. */
        List<Count> list() {
            return copies.entrySet().stream()
                    .map(e -> new Count(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(Count::copies).reversed().thenComparing(Count::name))
                    .toList();
        }

        /** By name (months in time order). */
        List<Count> listInOrder() {
            return copies.entrySet().stream()
                    .map(e -> new Count(e.getKey(), e.getValue()))
                    .toList();
        }
    }
}
