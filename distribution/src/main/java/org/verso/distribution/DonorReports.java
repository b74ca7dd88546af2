package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.DonorReport.Count;

/**
 * Donor reports: one funder's copies in a period, from its print-run shares and the ledger (its whole months from the
 * ledger's summaries, {@link LedgerSummaries}). Days and months are UTC; the period includes both ends. Deliveries are placed at their recipient through the shipment named by the delivered
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

    /**
     * The report of {@code funder} from {@code from} to {@code to}, both included: whole months from the ledger's
     * summaries, the rest of the period's edges from the ledger ({@link MonthPlan}).
     */
    @Transactional(readOnly = true)
    public DonorReport report(FunderId funder, LocalDate from, LocalDate to) {
        Funder named = checked(funder, from, to);
        MonthPlan plan = MonthPlan.of(start(from), start(to.plusDays(1)));
        Sums sums = new Sums();
        if (!plan.noWholeMonths()) {
            summaries(funder, plan.wholeFrom(), plan.wholeTo(), sums);
        }
        for (MonthPlan.Span span : plan.spans()) {
            ledger(funder, span.from(), span.to(), span.sign(), span.month(), sums);
        }
        return report(named, from, to, sums);
    }

    /** The same report read from the ledger alone, movement by movement: what the summaries must agree with. */
    @Transactional(readOnly = true)
    DonorReport fromLedger(FunderId funder, LocalDate from, LocalDate to) {
        Funder named = checked(funder, from, to);
        Sums sums = new Sums();
        ledger(funder, start(from), start(to.plusDays(1)), 1, null, sums);
        return report(named, from, to, sums);
    }

    private Funder checked(FunderId funder, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new DistributionInputInvalid(
                    "invalid-period", "a report needs a period whose start is not after its end: " + from + " – " + to);
        }
        return funders.get(funder);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private DonorReport report(Funder funder, LocalDate from, LocalDate to, Sums sums) {
        int printed = db.sql("SELECT COALESCE(SUM(s.copies), 0) FROM dist_print_run_share s JOIN dist_print_run r"
                        + " ON r.id = s.print_run_id WHERE s.funder_id = ? AND r.status <> 'CANCELLED'"
                        + " AND r.ordered_on >= ? AND r.ordered_on <= ?")
                .params(funder.id().value(), from, to)
                .query(Integer.class)
                .single();
        Map<MovementType, Integer> byType = new TreeMap<>();
        int inTransit = 0;
        int returned = 0;
        Map<String, Integer> byLocation = new TreeMap<>();
        for (Map.Entry<At, long[]> e : sums.at.entrySet()) {
            MovementType type = e.getKey().type();
            int net = (int) e.getValue()[0];
            byType.merge(type, net, Integer::sum);
            if (Shipments.IN_TRANSIT.value().equals(e.getKey().location())) {
                inTransit += net;
            } else {
                byLocation.merge(sums.names.get(e.getKey().location()), net, Integer::sum);
                if (type == MovementType.RETURNED) {
                    returned += (int) e.getValue()[1];
                }
            }
        }
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
        Deliveries deliveries = new Deliveries(new Tally(), new Tally(), new Tally(), new Tally());
        sums.places.forEach((place, copies) -> {
            if (copies[1] != 0) { // some delivered movement of the period is there
                int n = (int) copies[0];
                deliveries.kind().add(place.kind().toLowerCase(Locale.ROOT), n);
                deliveries.region().add(place.region(), n);
                deliveries.city().add(place.city(), n);
                deliveries.month().add(place.month(), n);
            }
        });
        int accounted = (inStock - returned) + inTransit + delivered + damaged + lost + returned;
        return new DonorReport(
                funder.id(),
                funder.name(),
                from,
                to,
                printed,
                byType.getOrDefault(MovementType.RECEIVED, 0),
                inStock,
                locations,
                inTransit,
                delivered,
                deliveries.kind().list(),
                deliveries.region().list(),
                deliveries.city().list(),
                deliveries.month().listInOrder(),
                damaged,
                lost,
                returned,
                byType.getOrDefault(MovementType.ADJUSTED, 0),
                DonorReport.Check.of(printed, accounted));
    }

    private record Deliveries(Tally kind, Tally region, Tally city, Tally month) {}

    /** Movements of one type at one location. */
    private record At(MovementType type, UUID location) {}

    /** Deliveries to recipients of one kind, region and city in one month ({@code 2026-04}). */
    private record Place(String kind, String region, String city, String month) {}

    /** The funder's movements summed: per type and location net, in and movements; per place copies and movements. */
    private static final class Sums {
        final Map<At, long[]> at = new LinkedHashMap<>();
        final Map<UUID, String> names = new HashMap<>();
        final Map<Place, long[]> places = new LinkedHashMap<>();

        void at(ResultSet rs, int sign) throws SQLException {
            UUID location = rs.getObject("location_id", UUID.class);
            names.put(location, rs.getString("name"));
            long[] sum =
                    at.computeIfAbsent(new At(MovementType.valueOf(rs.getString("type")), location), k -> new long[3]);
            sum[0] += sign * rs.getLong("net");
            sum[1] += sign * rs.getLong("ins");
            sum[2] += sign * rs.getLong("movements");
        }

        void place(ResultSet rs, String month, int sign) throws SQLException {
            long[] sum = places.computeIfAbsent(
                    new Place(rs.getString("kind"), rs.getString("region"), rs.getString("city"), month),
                    k -> new long[2]);
            sum[0] += sign * rs.getLong("copies");
            sum[1] += sign * rs.getLong("movements");
        }
    }

    private static String label(int year, int month) {
        return String.format(Locale.ROOT, "%04d-%02d", year, month);
    }

    /** The summaries of the months {@code [from, to)}. */
    private void summaries(FunderId funder, LocalDate from, LocalDate to, Sums sums) {
        // summed per type and location first, then joined to the locations by their key (as below: joined first, H2
        // may read the funder's rows once per location)
        db.sql("SELECT s.type, s.location_id, l.name, s.net, s.ins, s.movements FROM (SELECT type, location_id,"
                        + " SUM(quantity) AS net, SUM(ins) AS ins, SUM(movements) AS movements FROM dist_summary_movement"
                        + " WHERE funder_id = ? AND month_start >= ? AND month_start < ? GROUP BY type, location_id) s"
                        + " JOIN dist_location l ON l.id = s.location_id")
                .params(funder.value(), from, to)
                .query(rs -> {
                    sums.at(rs, 1);
                });
        db.sql("SELECT r.kind, r.region, r.city, d.month_start, SUM(d.copies) AS copies, SUM(d.movements) AS movements"
                        + " FROM (SELECT recipient_id, month_start, SUM(copies) AS copies, SUM(movements) AS movements"
                        + " FROM dist_summary_delivery WHERE funder_id = ? AND month_start >= ? AND month_start < ?"
                        + " GROUP BY recipient_id, month_start) d JOIN dist_recipient r ON r.id = d.recipient_id"
                        + " GROUP BY r.kind, r.region, r.city, d.month_start")
                .params(funder.value(), from, to)
                .query(rs -> {
                    LocalDate month = rs.getObject("month_start", LocalDate.class);
                    sums.place(rs, label(month.getYear(), month.getMonthValue()), 1);
                });
    }

    /**
     * The funder's movements from {@code from} to {@code to} (excluded), added with {@code sign}; deliveries in
     * {@code month}, or (null) in the month each was made.
     */
    private void ledger(FunderId funder, Instant from, Instant to, int sign, LocalDate month, Sums sums) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        db.sql("SELECT m.type, m.location_id, l.name, m.net, m.ins, m.movements FROM (SELECT type, location_id,"
                        + " SUM(quantity) AS net, SUM(CASE WHEN quantity > 0 THEN quantity ELSE 0 END) AS ins,"
                        + " COUNT(*) AS movements FROM dist_movement WHERE funder_id = ? AND moved_at >= ? AND moved_at < ?"
                        + " GROUP BY type, location_id) m JOIN dist_location l ON l.id = m.location_id")
                .params(funder.value(), start, end)
                .query(rs -> {
                    sums.at(rs, sign);
                });
        // grouped by shipment first, then joined to the shipment by its id (a join on the reason's text compared
        // every delivery with every shipment: minutes on H2 at 1,000,000 movements, see docs/distribution.md)
        db.sql("SELECT r.kind, r.region, r.city, d.y, d.mo, SUM(d.copies) AS copies, SUM(d.movements) AS movements"
                        + " FROM (SELECT SUBSTRING(m.reason, 10, 36) AS shipment, EXTRACT(YEAR FROM m.moved_at) AS y,"
                        + " EXTRACT(MONTH FROM m.moved_at) AS mo, SUM(-m.quantity) AS copies, COUNT(*) AS movements"
                        + " FROM dist_movement m"
                        + " WHERE m.funder_id = ? AND m.type = 'DELIVERED' AND m.moved_at >= ? AND m.moved_at < ?"
                        + " AND m.reason LIKE 'shipment %' GROUP BY SUBSTRING(m.reason, 10, 36),"
                        + " EXTRACT(YEAR FROM m.moved_at), EXTRACT(MONTH FROM m.moved_at)) d"
                        + " JOIN dist_shipment s ON s.id = CAST(d.shipment AS UUID)"
                        + " JOIN dist_recipient r ON r.id = s.recipient_id"
                        + " GROUP BY r.kind, r.region, r.city, d.y, d.mo")
                .params(funder.value(), start, end)
                .query(rs -> {
                    String label = month != null
                            ? label(month.getYear(), month.getMonthValue())
                            : label(rs.getInt("y"), rs.getInt("mo"));
                    sums.place(rs, label, sign);
                });
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
