package org.verso.distribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                        + " SUM(CASE WHEN b.location_id <> ? THEN b.quantity ELSE 0 END) AS held,"
                        + " SUM(CASE WHEN b.location_id = ? THEN b.quantity ELSE 0 END) AS moving"
                        + " FROM dist_balance b JOIN dist_edition e ON e.id = b.edition_id"
                        + " GROUP BY e.id, e.title ORDER BY e.title, e.id")
                .params(transit, transit)
                .query((rs, n) -> new EditionStock(
                        new EditionId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getInt("held"),
                        rs.getInt("moving")))
                .list();
        int onTheirWay = db.sql("SELECT COUNT(*) FROM dist_shipment WHERE status IN ('DISPATCHED', 'IN_TRANSIT')")
                .query(Integer.class)
                .single();
        List<Waiting> overdue = db.sql("SELECT s.id, r.name, s.status, d.at,"
                        + " (SELECT SUM(l.copies) FROM dist_shipment_line l WHERE l.shipment_id = s.id) AS copies"
                        + " FROM dist_shipment s JOIN dist_recipient r ON r.id = s.recipient_id"
                        + " JOIN (SELECT shipment_id, MAX(at) AS at FROM dist_shipment_event WHERE status = 'DISPATCHED'"
                        + " GROUP BY shipment_id) d ON d.shipment_id = s.id"
                        + " WHERE s.status IN ('DISPATCHED', 'IN_TRANSIT') AND d.at < ? ORDER BY d.at, s.id LIMIT ?")
                .params(Timestamp.from(now.minus(OVERDUE)), LISTED)
                .query((rs, n) -> new Waiting(
                        new ShipmentId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("status").toLowerCase(Locale.ROOT),
                        rs.getInt("copies"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        List<Count> months = new ArrayList<>();
        db.sql("SELECT EXTRACT(YEAR FROM moved_at) AS y, EXTRACT(MONTH FROM moved_at) AS mo, SUM(-quantity) AS copies"
                        + " FROM dist_movement WHERE type = 'DELIVERED' AND moved_at >= ?"
                        + " GROUP BY EXTRACT(YEAR FROM moved_at), EXTRACT(MONTH FROM moved_at)"
                        + " ORDER BY EXTRACT(YEAR FROM moved_at), EXTRACT(MONTH FROM moved_at)")
                .param(Timestamp.from(now.minus(Duration.ofDays(366))))
                .query(rs -> {
                    months.add(new Count(
                            String.format(Locale.ROOT, "%04d-%02d", rs.getInt("y"), rs.getInt("mo")),
                            rs.getInt("copies")));
                });
        List<Progress> funders = db.sql("SELECT f.id, f.name,"
                        + " (SELECT COALESCE(SUM(s.copies), 0) FROM dist_print_run_share s JOIN dist_print_run r"
                        + " ON r.id = s.print_run_id WHERE s.funder_id = f.id AND r.status <> 'CANCELLED') AS printed,"
                        + " (SELECT COALESCE(SUM(-m.quantity), 0) FROM dist_movement m WHERE m.funder_id = f.id"
                        + " AND m.location_id = ? AND m.type = 'DELIVERED') AS delivered"
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
}
