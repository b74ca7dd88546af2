package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.AccountId;

/**
 * The one writer of the stock ledger. A request (its idempotency key and the fingerprint of its body) is written with
 * its movements in one transaction, and every movement moves its item's balance row in the same transaction:
 *
 * <ul>
 *   <li>the planner first locks the balance rows it reads ({@code SELECT … FOR UPDATE}, in location and funder order),
 *       so concurrent requests on one item run one after the other and decide on the true balance;
 *   <li>a decrement is a guarded {@code UPDATE … SET quantity = quantity - ? WHERE … AND quantity >= ?}: when it
 *       changes no row, the request fails with {@link InsufficientStock} and nothing is written. The table's
 *       {@code CHECK (quantity >= 0)} is the last guard;
 *   <li>a retried request (same key, same fingerprint) is answered with the movements it made; the same key with
 *       another fingerprint is {@link IdempotencyKeyReused}.
 * </ul>
 *
 * The request's movements are added to the ledger's summaries ({@link LedgerSummaries}) in the same transaction, after
 * its balances. Rows of {@code dist_movement} and {@code dist_stock_request} are only ever inserted.
 */
@Component
class Ledger {
    private static final int ATTEMPTS = 30;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LedgerSummaries summaries;

    Ledger(JdbcClient db, PlatformTransactionManager transactions, Clock clock, LedgerSummaries summaries) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.summaries = summaries;
    }

    /** One change of one item's balance, as a planner decides it. */
    record Leg(
            MovementType type,
            EditionId edition,
            LocationId location,
            FunderId funder,
            int quantity,
            String reason,
            PrintRunId printRun,
            Long reverses) {}

    /** Decides the legs of a request inside its transaction, after locking what it reads through {@link Locks}. */
    interface Planner {
        List<Leg> plan(Locks locks);
    }

    /** What a request wrote, or (when {@code replayed}) what its first attempt wrote. */
    record Written(List<Movement> movements, boolean replayed) {}

    /** Locks balance rows for the rest of the transaction and reads them. */
    final class Locks {
        /** The balances per location and funder of {@code edition} at {@code locations}, locked. */
        Map<LocationId, Map<FunderId, Integer>> lock(EditionId edition, LocationId... locations) {
            Map<LocationId, Map<FunderId, Integer>> result = new LinkedHashMap<>();
            Arrays.stream(locations).forEach(l -> result.put(l, new LinkedHashMap<>()));
            db.sql("SELECT location_id, funder_id, quantity FROM dist_balance WHERE edition_id = :edition"
                            + " AND location_id IN (:locations) ORDER BY location_id, funder_id FOR UPDATE")
                    .param("edition", edition.value())
                    .param(
                            "locations",
                            Arrays.stream(locations).map(LocationId::value).toList())
                    .query((rs, n) -> {
                        result.get(new LocationId(rs.getObject("location_id", UUID.class)))
                                .put(new FunderId(rs.getObject("funder_id", UUID.class)), rs.getInt("quantity"));
                        return null;
                    })
                    .list();
            return result;
        }
    }

    Written write(String key, String fingerprint, AccountId actor, Planner planner) {
        return write(key, fingerprint, actor, planner, () -> {});
    }

    /**
     * As {@link #write(String, String, AccountId, Planner)}, and then, in the same transaction once the legs are
     * written (not on a replay), runs {@code after}: what is derived from the movements (a request's status) commits
     * or rolls back with them.
     */
    Written write(String key, String fingerprint, AccountId actor, Planner planner, Runnable after) {
        PessimisticLockingFailureException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return transactions.execute(status -> {
                    Written written = writeOnce(key, fingerprint, actor, planner);
                    if (!written.replayed()) {
                        after.run();
                    }
                    return written;
                });
            } catch (KeyTaken e) {
                // another request with this key committed (or is committing) first: the next attempt replays it
            } catch (PessimisticLockingFailureException e) {
                last = e; // a lock wait timed out or a deadlock was broken: nothing was written, try again
            }
            pause(attempt);
        }
        throw last != null ? last : new IllegalStateException("request " + key + " could not be written");
    }

    private Written writeOnce(String key, String fingerprint, AccountId actor, Planner planner) {
        Optional<String> known = db.sql("SELECT fingerprint FROM dist_stock_request WHERE idempotency_key = ?")
                .param(key)
                .query(String.class)
                .optional();
        if (known.isPresent()) {
            if (!known.get().equals(fingerprint)) {
                throw new IdempotencyKeyReused(key);
            }
            return new Written(movementsOf(key), true);
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            db.sql(
                            "INSERT INTO dist_stock_request (idempotency_key, fingerprint, actor, created_at) VALUES (?, ?, ?, ?)")
                    .params(key, fingerprint, actor.value(), now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new KeyTaken();
        }
        List<Leg> legs = planner.plan(new Locks()).stream()
                .sorted(Comparator.comparing((Leg l) -> l.location().value())
                        .thenComparing(l -> l.funder().value()))
                .toList();
        for (Leg leg : legs) {
            int after = move(leg);
            db.sql("INSERT INTO dist_movement (request_key, type, edition_id, location_id, funder_id, quantity,"
                            + " balance_after, reason, print_run_id, reverses, actor, moved_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            key,
                            leg.type().name(),
                            leg.edition().value(),
                            leg.location().value(),
                            leg.funder().value(),
                            leg.quantity(),
                            after,
                            leg.reason(),
                            leg.printRun() == null ? null : leg.printRun().value(),
                            leg.reverses(),
                            actor.value(),
                            now)
                    .update();
        }
        summaries.add(legs, now.toInstant());
        return new Written(movementsOf(key), false);
    }

    /** Moves the leg's balance row and answers the balance after it. */
    private int move(Leg leg) {
        Object[] item = {
            leg.edition().value(), leg.location().value(), leg.funder().value()
        };
        if (leg.quantity() < 0) {
            int take = -leg.quantity();
            int rows = db.sql("UPDATE dist_balance SET quantity = quantity - ?"
                            + " WHERE edition_id = ? AND location_id = ? AND funder_id = ? AND quantity >= ?")
                    .params(take, item[0], item[1], item[2], take)
                    .update();
            if (rows == 0) {
                int left = balance(leg.edition(), leg.location(), leg.funder());
                throw new InsufficientStock(take, left, Map.of(leg.funder(), left));
            }
        } else {
            db.sql("INSERT INTO dist_balance (edition_id, location_id, funder_id, quantity) VALUES (?, ?, ?, 0)"
                            + " ON CONFLICT DO NOTHING")
                    .params(item)
                    .update();
            db.sql("UPDATE dist_balance SET quantity = quantity + ? WHERE edition_id = ? AND location_id = ?"
                            + " AND funder_id = ?")
                    .params(leg.quantity(), item[0], item[1], item[2])
                    .update();
        }
        return balance(leg.edition(), leg.location(), leg.funder());
    }

    int balance(EditionId edition, LocationId location, FunderId funder) {
        return db.sql("SELECT quantity FROM dist_balance WHERE edition_id = ? AND location_id = ? AND funder_id = ?")
                .params(edition.value(), location.value(), funder.value())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    List<Movement> movementsOf(String key) {
        return db.sql("SELECT * FROM dist_movement WHERE request_key = ? ORDER BY id")
                .param(key)
                .query(Ledger::movement)
                .list();
    }

    static Movement movement(ResultSet rs, int n) throws SQLException {
        UUID run = rs.getObject("print_run_id", UUID.class);
        long reversed = rs.getLong("reverses");
        Long reverses = rs.wasNull() ? null : reversed;
        return new Movement(
                rs.getLong("id"),
                rs.getString("request_key"),
                MovementType.valueOf(rs.getString("type")),
                new EditionId(rs.getObject("edition_id", UUID.class)),
                new LocationId(rs.getObject("location_id", UUID.class)),
                new FunderId(rs.getObject("funder_id", UUID.class)),
                rs.getInt("quantity"),
                rs.getInt("balance_after"),
                rs.getString("reason"),
                run == null ? null : new PrintRunId(run),
                reverses,
                new AccountId(rs.getObject("actor", UUID.class)),
                rs.getTimestamp("moved_at").toInstant());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 1L + attempt * 3L)
                    + java.util.concurrent.ThreadLocalRandom.current().nextInt(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a stock request", e);
        }
    }

    /** The request row's key is already there: the attempt is rolled back and the next one replays. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
