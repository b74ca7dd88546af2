package org.verso.distribution;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.accounts.AccountId;
import org.verso.distribution.PrintRun.NewPrintRun;
import org.verso.distribution.PrintRun.Receipt;
import org.verso.distribution.PrintRun.Share;

/**
 * The print runs. Ordering one freezes its edition. A receipt puts the copies into stock, funder by funder: each
 * funder gets its part of the copies in proportion to what is still due to it ({@link Split}); copies beyond the
 * order (with a reason) are split in proportion to the shares.
 *
 * <p>Thread-safe. Throws {@link DistributionInputInvalid} ({@code shares-do-not-sum}, {@code receipt-exceeds-order},
 * …), {@link DistributionConflict} ({@code print-run-closed}, {@code invalid-status-change}) and {@link
 * DistributionNotFound}.
 */
@Service
public class PrintRuns {
    private final JdbcClient db;
    private final Editions editions;
    private final Ledger ledger;
    private final Clock clock;

    PrintRuns(JdbcClient db, Editions editions, Ledger ledger, Clock clock) {
        this.db = db;
        this.editions = editions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What a receipt did: the run after it and the movements it made (earlier, when {@code replayed}). */
    public record Received(PrintRun run, List<Movement> movements, boolean replayed) {}

    @Transactional
    public PrintRun create(NewPrintRun order) {
        editions.lock(order.edition());
        for (Share share : order.shares()) {
            if (db.sql("SELECT COUNT(*) FROM dist_funder WHERE id = ?")
                            .param(share.funder().value())
                            .query(Long.class)
                            .single()
                    == 0) {
                throw new DistributionNotFound("funder", share.funder());
            }
        }
        PrintRunId id = PrintRunId.random();
        db.sql("INSERT INTO dist_print_run (id, edition_id, quantity, printer, ordered_on, expected_on, cost, currency,"
                        + " status, received, shortfall, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")
                .params(
                        id.value(),
                        order.edition().value(),
                        order.quantity(),
                        order.printer(),
                        Date.valueOf(order.orderedOn()),
                        order.expectedOn() == null ? null : Date.valueOf(order.expectedOn()),
                        order.cost(),
                        order.currency(),
                        PrintRunStatus.ORDERED.name(),
                        Timestamp.from(clock.instant()))
                .update();
        for (Share share : order.shares()) {
            db.sql("INSERT INTO dist_print_run_share (print_run_id, funder_id, copies, received) VALUES (?, ?, ?, 0)")
                    .params(id.value(), share.funder().value(), share.copies())
                    .update();
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public PrintRun get(PrintRunId id) {
        return find(id).orElseThrow(() -> new DistributionNotFound("print-run", id));
    }

    @Transactional(readOnly = true)
    public Optional<PrintRun> find(PrintRunId id) {
        return load(" WHERE r.id = ?", List.of(id.value()), Paging.FIRST).stream()
                .findFirst();
    }

    /** Print runs, newest order first; of one edition when {@code edition} is given. */
    @Transactional(readOnly = true)
    public ResultPage<PrintRun> list(EditionId edition, Paging paging) {
        String where = edition == null ? "" : " WHERE r.edition_id = ?";
        List<Object> params = edition == null ? List.of() : List.of(edition.value());
        long total = db.sql("SELECT COUNT(*) FROM dist_print_run r" + where)
                .params(params)
                .query(Long.class)
                .single();
        return ResultPage.of(load(where, params, paging), paging, total);
    }

    /** Ordered → printing, or ordered/printing → cancelled; receipts make the other changes. */
    @Transactional
    public PrintRun changeStatus(PrintRunId id, PrintRunStatus status) {
        PrintRunStatus now = lock(id).status();
        boolean allowed = (now == PrintRunStatus.ORDERED && status == PrintRunStatus.PRINTING)
                || ((now == PrintRunStatus.ORDERED || now == PrintRunStatus.PRINTING)
                        && status == PrintRunStatus.CANCELLED);
        if (!allowed) {
            throw new DistributionConflict(
                    "invalid-status-change", "a print run " + now.code() + " cannot become " + status.code());
        }
        db.sql("UPDATE dist_print_run SET status = ? WHERE id = ?")
                .params(status.name(), id.value())
                .update();
        return get(id);
    }

    /** Receives copies once per {@code idempotencyKey} (a retried receipt receives nothing again). */
    public Received receive(PrintRunId id, String idempotencyKey, Receipt receipt, AccountId actor) {
        String key = Stock.validKey(idempotencyKey);
        var written = ledger.write(
                key, Stock.fingerprint(receipt.fingerprint(id)), actor, locks -> planReceipt(id, receipt, locks));
        return new Received(get(id), written.movements(), written.replayed());
    }

    private List<Ledger.Leg> planReceipt(PrintRunId id, Receipt receipt, Ledger.Locks locks) {
        PrintRun run = lock(id);
        if (run.status() == PrintRunStatus.CANCELLED
                || run.shortfall() > 0
                || run.status() == PrintRunStatus.RECEIVED_FULLY && receipt.reason() == null) {
            throw new DistributionConflict(
                    "print-run-closed",
                    "print run " + id + " is " + run.status().code() + "; it receives nothing more");
        }
        if (db.sql("SELECT COUNT(*) FROM dist_location WHERE id = ?")
                        .param(receipt.location().value())
                        .query(Long.class)
                        .single()
                == 0) {
            throw new DistributionNotFound("location", receipt.location());
        }
        int due = Math.max(0, run.quantity() - run.received());
        if (receipt.quantity() > due && receipt.reason() == null) {
            throw new DistributionInputInvalid(
                    "receipt-exceeds-order",
                    receipt.quantity() + " copies received but only " + due
                            + " are still due; say why (reason) to receive more than was ordered",
                    Map.of("ordered", run.quantity(), "received", run.received(), "due", due));
        }
        Map<FunderId, Integer> dues = new LinkedHashMap<>();
        Map<FunderId, Integer> shares = new LinkedHashMap<>();
        run.shares().forEach(s -> {
            dues.put(s.funder(), Math.max(0, s.copies() - s.received()));
            shares.put(s.funder(), s.copies());
        });
        Map<FunderId, Integer> parts = new LinkedHashMap<>(Split.proportional(Math.min(receipt.quantity(), due), dues));
        if (receipt.quantity() > due) {
            Split.proportional(receipt.quantity() - due, shares).forEach((f, n) -> parts.merge(f, n, Integer::sum));
        }
        int received = run.received() + receipt.quantity();
        int shortfall = receipt.complete() && received < run.quantity() ? run.quantity() - received : 0;
        PrintRunStatus status = received >= run.quantity()
                ? PrintRunStatus.RECEIVED_FULLY
                : received > 0 || shortfall > 0 ? PrintRunStatus.RECEIVED_PARTLY : run.status();
        db.sql(
                        "UPDATE dist_print_run SET received = ?, shortfall = ?, shortfall_reason = ?, status = ?, received_on = ?"
                                + " WHERE id = ?")
                .params(
                        received,
                        shortfall,
                        shortfall > 0 ? receipt.reason() : null,
                        status.name(),
                        Date.valueOf(receipt.receivedOn()),
                        id.value())
                .update();
        parts.forEach((funder, copies) -> db.sql(
                        "UPDATE dist_print_run_share SET received = received + ? WHERE print_run_id = ? AND funder_id = ?")
                .params(copies, id.value(), funder.value())
                .update());
        locks.lock(run.edition(), receipt.location());
        List<Ledger.Leg> legs = new ArrayList<>();
        parts.forEach((funder, copies) -> legs.add(new Ledger.Leg(
                MovementType.RECEIVED, run.edition(), receipt.location(), funder, copies, receipt.reason(), id, null)));
        return legs;
    }

    private PrintRun lock(PrintRunId id) {
        db.sql("SELECT id FROM dist_print_run WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("print-run", id));
        return get(id);
    }

    private List<PrintRun> load(String where, List<Object> params, Paging paging) {
        List<Object> all = new ArrayList<>(params);
        all.add(paging.size());
        all.add(paging.offset());
        List<PrintRun> runs = db.sql("SELECT * FROM dist_print_run r" + where
                        + " ORDER BY r.ordered_on DESC, r.created_at DESC, r.id LIMIT ? OFFSET ?")
                .params(all)
                .query((rs, n) -> row(rs, List.of()))
                .list();
        if (runs.isEmpty()) {
            return runs;
        }
        Map<UUID, List<Share>> shares = db
                .sql("SELECT s.print_run_id, s.funder_id, s.copies, s.received"
                        + " FROM dist_print_run_share s JOIN dist_funder f ON f.id = s.funder_id"
                        + " WHERE s.print_run_id IN (:ids) ORDER BY f.name, s.funder_id")
                .param("ids", runs.stream().map(r -> r.id().value()).toList())
                .query((rs, n) -> Map.entry(
                        rs.getObject("print_run_id", UUID.class),
                        new Share(
                                new FunderId(rs.getObject("funder_id", UUID.class)),
                                rs.getInt("copies"),
                                rs.getInt("received"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return runs.stream()
                .map(r -> new PrintRun(
                        r.id(),
                        r.edition(),
                        r.quantity(),
                        r.printer(),
                        r.orderedOn(),
                        r.expectedOn(),
                        r.receivedOn(),
                        r.cost(),
                        r.currency(),
                        r.status(),
                        r.received(),
                        r.shortfall(),
                        r.shortfallReason(),
                        shares.getOrDefault(r.id().value(), List.of())))
                .toList();
    }

    private static PrintRun row(ResultSet rs, List<Share> shares) throws SQLException {
        return new PrintRun(
                new PrintRunId(rs.getObject("id", UUID.class)),
                new EditionId(rs.getObject("edition_id", UUID.class)),
                rs.getInt("quantity"),
                rs.getString("printer"),
                date(rs, "ordered_on"),
                date(rs, "expected_on"),
                date(rs, "received_on"),
                rs.getBigDecimal("cost"),
                rs.getString("currency"),
                PrintRunStatus.valueOf(rs.getString("status")),
                rs.getInt("received"),
                rs.getInt("shortfall"),
                rs.getString("shortfall_reason"),
                shares);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
