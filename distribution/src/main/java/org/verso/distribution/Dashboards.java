package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.Dashboard.EditionStock;
import org.verso.distribution.Dashboard.Progress;
import org.verso.distribution.Dashboard.Waiting;
import org.verso.distribution.Dashboard.WaitingRequest;
import org.verso.distribution.DonorReport.Count;

/**
 * The logistics dashboard, read in one transaction. Deliveries per month cover the last twelve months; a shipment is
 * overdue when it was dispatched more than {@link #OVERDUE} ago and is still on its way.
 *
 * <p>Thread-safe.
 */
@Service
public class Dashboards {
    /** How long a shipment may be on its way before it is overdue. */
    public static final Duration OVERDUE = Duration.ofDays(14);

    private static final int LISTED = 20;
    private final JdbcClient db;
    private final Clock clock;

    Dashboards(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The dashboard as it stands now. */
    @Transactional(readOnly = true)
    public Dashboard now() {
        Instant now = clock.instant();
        UUID transit = Shipments.IN_TRANSIT.value();
        List<EditionStock> stock = db.sql("SELECT e.id, e.title,"
                        + " SUM(CASE WHEN s.in_transit THEN 0 ELSE s.quantity END) AS held,"
                        + " SUM(CASE WHEN s.in_transit THEN s.quantity ELSE 0 END) AS moving"
                        + " FROM dist_summary_stock s JOIN dist_edition e ON e.id = s.edition_id"
                        + " GROUP BY e.id, e.title ORDER BY e.title, e.id")
                .query((rs, n) -> new EditionStock(
                        new EditionId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getInt("held"),
                        rs.getInt("moving")))
                .list();
        int onTheirWay = db.sql("SELECT COUNT(*) FROM dist_shipment WHERE status IN ('DISPATCHED', 'IN_TRANSIT')")
                .query(Integer.class)
                .single();
        // the dispatch events oldest first (their index, V60.8), each one's shipment if still on its way, until LISTED
        // are found (starting from the shipments on their way read each one's events, recipient and lines: some 2,000
        // in the benchmark, most of the dashboard's time on H2). A shipment is dispatched once (ShipmentStatus: only
        // from packed), so its one dispatch event is its dispatch. Ordered as the index is, so a database can stop
        // early
        List<Waiting> overdue = db.sql("SELECT s.id, r.name, s.status, e.at,"
                        + " (SELECT SUM(l.copies) FROM dist_shipment_line l WHERE l.shipment_id = s.id) AS copies"
                        + " FROM dist_shipment_event e JOIN dist_shipment s ON s.id = e.shipment_id"
                        + " JOIN dist_recipient r ON r.id = s.recipient_id"
                        + " WHERE e.status = 'DISPATCHED' AND e.at < ? AND s.status IN ('DISPATCHED', 'IN_TRANSIT')"
                        + " ORDER BY e.status, e.at, e.shipment_id LIMIT ?")
                .params(Timestamp.from(now.minus(OVERDUE)), LISTED)
                .query((rs, n) -> new Waiting(
                        new ShipmentId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("status").toLowerCase(Locale.ROOT),
                        rs.getInt("copies"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        List<Count> months = deliveriesByMonth(now.minus(Duration.ofDays(366)));
        List<Progress> funders = db.sql("SELECT f.id, f.name,"
                        + " (SELECT COALESCE(SUM(s.copies), 0) FROM dist_print_run_share s JOIN dist_print_run r"
                        + " ON r.id = s.print_run_id WHERE s.funder_id = f.id AND r.status <> 'CANCELLED') AS printed,"
                        + " (SELECT COALESCE(SUM(-m.quantity), 0) FROM dist_summary_movement m WHERE m.type = 'DELIVERED'"
                        + " AND m.funder_id = f.id AND m.location_id = ?) AS delivered"
                        + " FROM dist_funder f ORDER BY f.name")
                .param(transit)
                .query((rs, n) -> new Progress(
                        new FunderId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        rs.getInt("printed"),
                        rs.getInt("delivered")))
                .list();
        int waiting = db.sql("SELECT COUNT(*) FROM dist_request WHERE status IN ('OPEN', 'PLANNED')")
                .query(Integer.class)
                .single();
        List<WaitingRequest> requests = db.sql("SELECT q.id, r.name AS recipient, e.title, q.copies, q.status,"
                        + " q.created_at FROM dist_request q JOIN dist_recipient r ON r.id = q.recipient_id"
                        + " JOIN dist_edition e ON e.id = q.edition_id WHERE q.status IN ('OPEN', 'PLANNED')"
                        + " ORDER BY q.created_at, q.id LIMIT ?")
                .param(LISTED)
                .query((rs, n) -> new WaitingRequest(
                        new CopyRequestId(rs.getObject("id", UUID.class)),
                        rs.getString("recipient"),
                        rs.getString("title"),
                        rs.getInt("copies"),
                        rs.getString("status").toLowerCase(Locale.ROOT),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return new Dashboard(stock, onTheirWay, overdue, months, funders, waiting, requests);
    }

    /**
     * Copies delivered per month since {@code since}: whole months from the ledger's summaries, the first month's part
     * from the ledger or from its summary less the part before {@code since} ({@link MonthPlan}), funder by funder.
     */
    List<Count> deliveriesByMonth(Instant since) {
        MonthPlan plan = MonthPlan.of(
                since, LedgerSummaries.start(LedgerSummaries.month(since).plusYears(1000)));
        Map<LocalDate, long[]> months = new TreeMap<>();
        db.sql("SELECT month_start, SUM(-quantity) AS copies, SUM(movements) AS movements FROM dist_summary_movement"
                        + " WHERE type = 'DELIVERED' AND month_start >= ? AND month_start < ? GROUP BY month_start")
                .params(plan.wholeFrom(), plan.wholeTo())
                .query(rs -> {
                    add(months, rs.getObject("month_start", LocalDate.class), rs, 1);
                });
        List<UUID> funders =
                db.sql("SELECT id FROM dist_funder").query(UUID.class).list();
        for (MonthPlan.Span span : plan.spans()) {
            for (UUID funder : funders) { // the ledger's index on delivered movements leads with the funder
                db.sql("SELECT COALESCE(SUM(-quantity), 0) AS copies, COUNT(*) AS movements FROM dist_movement"
                                + " WHERE type = 'DELIVERED' AND funder_id = ? AND moved_at >= ? AND moved_at < ?")
                        .params(funder, Timestamp.from(span.from()), Timestamp.from(span.to()))
                        .query(rs -> {
                            add(months, span.month(), rs, span.sign());
                        });
            }
        }
        List<Count> result = new ArrayList<>();
        months.forEach((month, sum) -> {
            if (sum[1] != 0) {
                result.add(new Count(
                        String.format(Locale.ROOT, "%04d-%02d", month.getYear(), month.getMonthValue()), (int) sum[0]));
            }
        });
        return result;
    }

    private static void add(Map<LocalDate, long[]> months, LocalDate month, ResultSet rs, int sign)
            throws SQLException {
        long[] sum = months.computeIfAbsent(month, m -> new long[2]);
        sum[0] += sign * rs.getLong("copies");
        sum[1] += sign * rs.getLong("movements");
    }
}
