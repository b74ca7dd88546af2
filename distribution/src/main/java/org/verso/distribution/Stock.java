package org.verso.distribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.AccountId;

/**
 * The stock: movements asked for ({@link #record}), the ledger and the balances derived from it. Balances never go
 * below zero, also under concurrent requests (see {@link Ledger}).
 *
 * <p>Thread-safe. Throws {@link InsufficientStock}, {@link IdempotencyKeyReused}, {@link DistributionNotFound},
 * {@link DistributionInputInvalid} and {@link DistributionConflict} ({@code already-reversed}); a refused request
 * changes nothing.
 */
@Service
public class Stock {
    private final JdbcClient db;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Reservations reservations;
    private final LedgerSummaries summaries;

    Stock(
            JdbcClient db,
            Ledger ledger,
            PlatformTransactionManager transactions,
            Reservations reservations,
            LedgerSummaries summaries) {
        this.db = db;
        this.summaries = summaries;
        this.reservations = reservations;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** What a request made; {@code replayed} when it repeats an earlier request with the same key and body. */
    public record Recorded(List<Movement> movements, boolean replayed) {}

    /**
     * Records the movements of {@code command} once per {@code idempotencyKey}: the same key with the same command
     * answers what the first request made, without moving anything again.
     */
    public Recorded record(String idempotencyKey, StockCommand command, AccountId actor) {
        String key = validKey(idempotencyKey);
        var written = ledger.write(key, fingerprint(command.fingerprint()), actor, locks -> plan(command, locks));
        return new Recorded(written.movements(), written.replayed());
    }

    /** The balance of one item (0 when nothing was ever moved). */
    @Transactional(readOnly = true)
    public int balance(StockItem item) {
        return ledger.balance(item.edition(), item.location(), item.funder());
    }

    /**
     * Balances matching the filter, by edition title, location name and funder name.
     *
     * <p>Without an edition in the filter, the page is put together edition by edition (editions in title order, each
     * one's balances counted through the primary key's leading column) instead of sorting every balance of the stock
     * by names: only the editions the page spans are read and sorted. The answer is the same as one query ordered by
     * title, edition, location name, location, funder name and funder.
     */
    @Transactional(readOnly = true)
    public ResultPage<Balance> balances(StockFilter filter, Paging paging) {
        Where where = Where.of(filter, "b.");
        long total = db.sql("SELECT COUNT(*) FROM dist_balance b" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        if (filter.edition() != null) {
            return ResultPage.of(
                    reserving(balancesOf(filter, paging.offset(), paging.size()), filter.edition()), paging, total);
        }
        List<Balance> items = new ArrayList<>();
        long skip = paging.offset();
        List<UUID> editions = db.sql("SELECT id FROM dist_edition ORDER BY title, id")
                .query(UUID.class)
                .list();
        for (UUID edition : editions) {
            if (items.size() == paging.size() || skip >= total) {
                break;
            }
            StockFilter one = new StockFilter(new EditionId(edition), filter.location(), filter.funder());
            Where inEdition = Where.of(one, "b.");
            long count = db.sql("SELECT COUNT(*) FROM dist_balance b" + inEdition.sql())
                    .params(inEdition.params())
                    .query(Long.class)
                    .single();
            if (skip >= count) {
                skip -= count;
                continue;
            }
            items.addAll(balancesOf(one, skip, paging.size() - items.size()));
            skip = 0;
        }
        return ResultPage.of(reserving(items, null), paging, total);
    }

    /**
     * The balances with their reserved and available copies ({@link Reservations}); the balances of an edition ×
     * location with reservations are read whole, since a line without a funder reserves from all of them.
     */
    private List<Balance> reserving(List<Balance> balances, EditionId edition) {
        var all = reservations.all(edition);
        if (all.isEmpty()) {
            return balances;
        }
        Map<StockItem, Integer> reservedOf = new java.util.HashMap<>();
        return balances.stream()
                .map(b -> {
                    Map<FunderId, Integer> reserved =
                            all.getOrDefault(b.edition(), Map.of()).get(b.location());
                    if (reserved == null) {
                        return b;
                    }
                    StockItem item = new StockItem(b.edition(), b.location(), b.funder());
                    if (!reservedOf.containsKey(item)) {
                        Reservations.reservedByFunder(reservations.held(b.edition(), b.location()), reserved)
                                .forEach((f, n) -> reservedOf.put(new StockItem(b.edition(), b.location(), f), n));
                    }
                    return b.reserving(reservedOf.getOrDefault(item, 0));
                })
                .toList();
    }

    private List<Balance> balancesOf(StockFilter filter, long offset, int limit) {
        Where where = Where.of(filter, "b.");
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return db.sql(
                        "SELECT b.edition_id, e.title, b.location_id, l.name AS location_name,"
                                + " b.funder_id, f.name AS funder_name, b.quantity FROM dist_balance b"
                                + " JOIN dist_edition e ON e.id = b.edition_id JOIN dist_location l ON l.id = b.location_id"
                                + " JOIN dist_funder f ON f.id = b.funder_id" + where.sql()
                                + " ORDER BY e.title, b.edition_id, l.name, b.location_id, f.name, b.funder_id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Balance(
                        new EditionId(rs.getObject("edition_id", UUID.class)),
                        rs.getString("title"),
                        new LocationId(rs.getObject("location_id", UUID.class)),
                        rs.getString("location_name"),
                        new FunderId(rs.getObject("funder_id", UUID.class)),
                        rs.getString("funder_name"),
                        rs.getInt("quantity")))
                .list();
    }

    /** The ledger's movements matching the filter, in the order they were written. */
    @Transactional(readOnly = true)
    public ResultPage<Movement> movements(StockFilter filter, Paging paging) {
        Where where = Where.of(filter, "");
        long total = db.sql("SELECT COUNT(*) FROM dist_movement" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(paging.size());
        params.add(paging.offset());
        List<Movement> items = db.sql("SELECT * FROM dist_movement" + where.sql() + " ORDER BY id LIMIT ? OFFSET ?")
                .params(params)
                .query(Ledger::movement)
                .list();
        return ResultPage.of(items, paging, total);
    }

    /** The sum of each item's movements, for items whose balance row says otherwise (empty when all agree). */
    @Transactional(readOnly = true)
    public Map<StockItem, Integer> disagreements() {
        Map<StockItem, Integer> sums = sums();
        Map<StockItem, Integer> result = new LinkedHashMap<>();
        Set<StockItem> items = new LinkedHashSet<>(sums.keySet());
        Map<StockItem, Integer> balances = new LinkedHashMap<>();
        db.sql("SELECT edition_id, location_id, funder_id, quantity FROM dist_balance")
                .query((rs, n) -> balances.put(item(rs), rs.getInt("quantity")))
                .list();
        items.addAll(balances.keySet());
        for (StockItem item : items) {
            int sum = sums.getOrDefault(item, 0);
            if (sum != balances.getOrDefault(item, 0)) {
                result.put(item, sum);
            }
        }
        return result;
    }

    /**
     * Recomputes the ledger's summaries (what the donor reports and the dashboard read for whole months) from the
     * ledger, in one transaction; a writer touching a summary row meanwhile waits for it. For after a restore or a
     * seeding that wrote the ledger by hand; the ledger's writer keeps them in step otherwise.
     */
    public void rebuildSummaries() {
        transactions.executeWithoutResult(s -> summaries.rebuild());
    }

    /**
     * Rebuilds every balance from the ledger, item by item: each balance row is locked, its movements summed and the
     * sum written, so writers may go on meanwhile. Answers how many balances were wrong.
     */
    public int rebuildBalances() {
        Set<StockItem> items = new LinkedHashSet<>(transactions.execute(s -> sums().keySet()));
        items.addAll(transactions.execute(s -> db.sql("SELECT edition_id, location_id, funder_id FROM dist_balance")
                .query((rs, n) -> item(rs))
                .list()));
        int fixed = 0;
        for (StockItem item : items) {
            Boolean changed = transactions.execute(s -> rebuild(item));
            fixed += Boolean.TRUE.equals(changed) ? 1 : 0;
        }
        return fixed;
    }

    private boolean rebuild(StockItem item) {
        Object[] key = {
            item.edition().value(), item.location().value(), item.funder().value()
        };
        db.sql("INSERT INTO dist_balance (edition_id, location_id, funder_id, quantity) VALUES (?, ?, ?, 0)"
                        + " ON CONFLICT DO NOTHING")
                .params(key)
                .update();
        int held = db.sql("SELECT quantity FROM dist_balance WHERE edition_id = ? AND location_id = ? AND funder_id = ?"
                        + " FOR UPDATE")
                .params(key)
                .query(Integer.class)
                .single();
        int sum = db.sql("SELECT COALESCE(SUM(quantity), 0) FROM dist_movement"
                        + " WHERE edition_id = ? AND location_id = ? AND funder_id = ?")
                .params(key)
                .query(Integer.class)
                .single();
        if (held == sum) {
            return false;
        }
        db.sql("UPDATE dist_balance SET quantity = ? WHERE edition_id = ? AND location_id = ? AND funder_id = ?")
                .params(sum, key[0], key[1], key[2])
                .update();
        return true;
    }

    private Map<StockItem, Integer> sums() {
        Map<StockItem, Integer> sums = new LinkedHashMap<>();
        db.sql("SELECT edition_id, location_id, funder_id, SUM(quantity) AS total FROM dist_movement"
                        + " GROUP BY edition_id, location_id, funder_id")
                .query((rs, n) -> sums.put(item(rs), rs.getInt("total")))
                .list();
        return sums;
    }

    private static StockItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StockItem(
                new EditionId(rs.getObject("edition_id", UUID.class)),
                new LocationId(rs.getObject("location_id", UUID.class)),
                new FunderId(rs.getObject("funder_id", UUID.class)));
    }

    private List<Ledger.Leg> plan(StockCommand command, Ledger.Locks locks) {
        if (command.reverses() != null) {
            return reversal(command, locks);
        }
        requireExists("dist_edition", command.edition().value(), "edition");
        requireExists("dist_location", command.location().value(), "location");
        if (command.toLocation() != null) {
            requireExists("dist_location", command.toLocation().value(), "location");
        }
        if (command.funder() != null) {
            requireExists("dist_funder", command.funder().value(), "funder");
        }
        MovementType type = command.type();
        List<Ledger.Leg> legs = new ArrayList<>();
        switch (type) {
            case DISPATCHED, LOST, DAMAGED, TRANSFERRED -> {
                var held = type == MovementType.TRANSFERRED
                        ? locks.lock(command.edition(), command.location(), command.toLocation())
                        : locks.lock(command.edition(), command.location());
                var takes = take(held.get(command.location()), command.funder(), command.quantity());
                takes.forEach((funder, copies) -> {
                    legs.add(leg(command, command.location(), funder, -copies));
                    if (type == MovementType.TRANSFERRED) {
                        legs.add(leg(command, command.toLocation(), funder, copies));
                    }
                });
            }
            case RETURNED -> {
                locks.lock(command.edition(), command.location());
                legs.add(leg(command, command.location(), command.funder(), command.quantity()));
            }
            case ADJUSTED -> {
                var held = locks.lock(command.edition(), command.location()).get(command.location());
                if (command.quantity() < 0) {
                    take(held, command.funder(), -command.quantity());
                }
                legs.add(leg(command, command.location(), command.funder(), command.quantity()));
            }
            default -> throw new IllegalStateException("refused by StockCommand: " + type);
        }
        return legs;
    }

    private List<Ledger.Leg> reversal(StockCommand command, Ledger.Locks locks) {
        Movement original = db.sql("SELECT * FROM dist_movement WHERE id = ?")
                .param(command.reverses())
                .query(Ledger::movement)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("movement", command.reverses()));
        if (original.type() == MovementType.RECEIVED) {
            throw new DistributionInputInvalid(
                    "receipt-not-reversible",
                    "copies received from a print run are corrected by an adjusted movement, not reversed");
        }
        if (original.reverses() != null) {
            throw new DistributionInputInvalid(
                    "reversal-of-reversal",
                    "movement " + original.id() + " is a reversal; record a new movement instead");
        }
        List<Movement> request = ledger.movementsOf(original.requestKey());
        refuseShipments(original, request);
        List<Long> ids = request.stream().map(Movement::id).toList();
        long reversed = db.sql("SELECT COUNT(*) FROM dist_movement WHERE reverses IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        if (reversed > 0) {
            throw new DistributionConflict("already-reversed", "movement " + original.id() + " was already reversed");
        }
        request.stream()
                .map(m -> m.location())
                .distinct()
                .forEach(location -> locks.lock(original.edition(), location));
        return request.stream()
                .map(m -> new Ledger.Leg(
                        m.type(),
                        m.edition(),
                        m.location(),
                        m.funder(),
                        -m.quantity(),
                        command.reason(),
                        m.printRun(),
                        m.id()))
                .toList();
    }

    /**
     * Refuses ({@link DistributionConflict} {@code movement-belongs-to-shipment}, naming the shipment) to reverse what
     * a shipment's status change or receipt wrote: the shipment's status, its requests' status and the donor reports
     * follow from those movements, so the shipment is changed instead (cancelled, returned, lost). They are the
     * requests with a leg at In transit whose reason names a shipment ({@link Shipments#reason}).
     */
    private void refuseShipments(Movement original, List<Movement> request) {
        if (request.stream().noneMatch(m -> m.location().equals(Shipments.IN_TRANSIT))) {
            return;
        }
        java.util.regex.Matcher named = SHIPMENT_REASON.matcher(original.reason() == null ? "" : original.reason());
        if (!named.lookingAt()) {
            return;
        }
        UUID shipment = UUID.fromString(named.group(1));
        boolean exists = db.sql("SELECT COUNT(*) FROM dist_shipment WHERE id = ?")
                        .param(shipment)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            throw new DistributionConflict(
                    "movement-belongs-to-shipment",
                    "movement " + original.id() + " was written by shipment " + shipment
                            + "; change the shipment's status instead (nothing was reversed)",
                    Map.of("movement", original.id(), "shipment", shipment.toString()));
        }
    }

    private static final java.util.regex.Pattern SHIPMENT_REASON =
            java.util.regex.Pattern.compile("shipment ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /**
     * The copies to take from each funder: all from the chosen funder, or from every funder there in proportion to
     * the copies each holds ({@link Split}).
     */
    static Map<FunderId, Integer> take(Map<FunderId, Integer> held, FunderId chosen, int copies) {
        if (chosen != null) {
            int have = held.getOrDefault(chosen, 0);
            if (have < copies) {
                throw new InsufficientStock(copies, have, Map.of(chosen, have));
            }
            return Map.of(chosen, copies);
        }
        int total = held.values().stream().mapToInt(Integer::intValue).sum();
        if (total < copies) {
            throw new InsufficientStock(copies, total, held);
        }
        return Split.proportional(copies, held);
    }

    private static Ledger.Leg leg(StockCommand command, LocationId location, FunderId funder, int quantity) {
        return new Ledger.Leg(
                command.type(), command.edition(), location, funder, quantity, command.reason(), null, null);
    }

    private void requireExists(String table, UUID id, String what) {
        boolean exists = db.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw new DistributionNotFound(what, id);
        }
    }

    static String validKey(String key) {
        if (key == null || key.isBlank()) {
            throw new DistributionInputInvalid(
                    "idempotency-key-required", "a stock request needs an Idempotency-Key header (any unique text)");
        }
        String stripped = key.strip();
        if (stripped.length() > 200) {
            throw new DistributionInputInvalid(
                    "invalid-idempotency-key", "an idempotency key has at most 200 characters");
        }
        return stripped;
    }

    static String fingerprint(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The WHERE clause of a filter. */
    private record Where(String sql, List<Object> params) {
        static Where of(StockFilter filter, String prefix) {
            List<String> clauses = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (filter.edition() != null) {
                clauses.add(prefix + "edition_id = ?");
                params.add(filter.edition().value());
            }
            if (filter.location() != null) {
                clauses.add(prefix + "location_id = ?");
                params.add(filter.location().value());
            }
            if (filter.funder() != null) {
                clauses.add(prefix + "funder_id = ?");
                params.add(filter.funder().value());
            }
            return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
        }
    }
}
