package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.accounts.AccountId;
import org.verso.distribution.Allocation.Method;
import org.verso.distribution.Allocation.NewAllocation;
import org.verso.distribution.Allocation.Part;
import org.verso.distribution.Allocation.Share;
import org.verso.distribution.Allocation.Status;

/**
 * Allocations: a draft split of copies over recipients ({@link Apportion}: equal or weighted, with the deterministic
 * remainder rule; or by hand, summing to the copies), then planned as one {@code planned} shipment per recipient with
 * copies. Thread-safe. Throws {@link DistributionInputInvalid} ({@code invalid-allocation}, {@code
 * allocation-does-not-sum}, {@code invalid-weights}), {@link DistributionConflict} ({@code allocation-already-planned})
 * and {@link InsufficientStock} (more copies than the location holds) and {@link DistributionNotFound}.
 */
@Service
public class Allocations {
    private final JdbcClient db;
    private final JdbcTemplate batches;
    private final Shipments shipments;
    private final Clock clock;
    private final Reservations reservations;

    Allocations(JdbcClient db, JdbcTemplate batches, Shipments shipments, Clock clock, Reservations reservations) {
        this.db = db;
        this.reservations = reservations;
        this.batches = batches;
        this.shipments = shipments;
        this.clock = clock;
    }

    @Transactional
    public Allocation create(NewAllocation allocation, AccountId actor) {
        Exists.require(db, "dist_edition", allocation.edition().value(), "edition");
        Exists.require(db, "dist_location", allocation.location().value(), "location");
        if (allocation.funder() != null) {
            Exists.require(db, "dist_funder", allocation.funder().value(), "funder");
        }
        List<Part> parts = allocation.recipients();
        Exists.requireAll(
                db,
                "dist_recipient",
                parts.stream().map(p -> p.recipient().value()).toList(),
                "recipient");
        List<Integer> weights = parts.stream()
                .map(p -> switch (allocation.method()) {
                    case EQUAL -> 1;
                    case WEIGHTED -> p.weight();
                    case BY_HAND -> p.copies();
                })
                .toList();
        List<Integer> copies;
        if (allocation.method() == Method.BY_HAND) {
            int sum = weights.stream().mapToInt(Integer::intValue).sum();
            if (sum != allocation.copies()) {
                throw new DistributionInputInvalid(
                        "allocation-does-not-sum",
                        "the copies given by hand sum to " + sum + ", not " + allocation.copies(),
                        Map.of("sum", sum, "copies", allocation.copies()));
            }
            copies = weights;
        } else {
            copies = Apportion.split(allocation.copies(), weights);
        }
        requireStock(allocation.edition(), allocation.location(), allocation.funder(), allocation.copies());
        AllocationId id = AllocationId.random();
        db.sql("INSERT INTO dist_allocation (id, edition_id, location_id, funder_id, copies, method, sender_of_record,"
                        + " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        allocation.edition().value(),
                        allocation.location().value(),
                        allocation.funder() == null ? null : allocation.funder().value(),
                        allocation.copies(),
                        allocation.method().name(),
                        allocation.senderOfRecord(),
                        Status.DRAFT.name(),
                        actor.value(),
                        Timestamp.from(clock.instant()))
                .update();
        List<Object[]> shares = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            shares.add(
                    new Object[] {id.value(), i + 1, parts.get(i).recipient().value(), weights.get(i), copies.get(i)});
        }
        batches.batchUpdate(
                "INSERT INTO dist_allocation_share (allocation_id, position, recipient_id, weight, copies)"
                        + " VALUES (?, ?, ?, ?, ?)",
                shares);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Allocation get(AllocationId id) {
        return db.sql("SELECT * FROM dist_allocation WHERE id = ?")
                .param(id.value())
                .query(this::allocation)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("allocation", id));
    }

    /** Allocations, newest first. */
    @Transactional(readOnly = true)
    public ResultPage<Allocation> list(Paging paging) {
        long total =
                db.sql("SELECT COUNT(*) FROM dist_allocation").query(Long.class).single();
        return ResultPage.of(
                db.sql("SELECT * FROM dist_allocation ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                        .params(paging.size(), paging.offset())
                        .query(this::allocation)
                        .list(),
                paging,
                total);
    }

    /**
     * Makes the draft's shipments ({@code planned}, one per recipient with copies), once. They reserve their copies:
     * more than is available (on hand and not reserved by other shipments) is {@link InsufficientStock} and nothing
     * is made, also when two plans for the last copies run at once (one wins).
     */
    @Transactional
    public Allocation plan(AllocationId id, AccountId actor) {
        Allocation allocation = lockDraft(id);
        List<Integer> positions = new ArrayList<>();
        List<Shipment.NewShipment> planned = new ArrayList<>();
        int position = 0;
        for (Share share : allocation.shares()) {
            position++;
            if (share.copies() == 0) {
                continue;
            }
            positions.add(position);
            planned.add(new Shipment.NewShipment(
                    allocation.location(),
                    share.recipient(),
                    allocation.senderOfRecord(),
                    null,
                    null,
                    List.of(new Shipment.NewLine(allocation.edition(), share.copies(), allocation.funder()))));
        }
        List<ShipmentId> made = shipments.createAll(planned, actor);
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            links.add(new Object[] {made.get(i).value(), id.value(), positions.get(i)});
        }
        batches.batchUpdate(
                "UPDATE dist_allocation_share SET shipment_id = ? WHERE allocation_id = ? AND position = ?", links);
        db.sql("UPDATE dist_allocation SET status = ?, planned_at = ? WHERE id = ?")
                .params(Status.PLANNED.name(), Timestamp.from(clock.instant()), id.value())
                .update();
        return get(id);
    }

    /**
     * Sets a draft's copies by hand, one number per recipient in the draft's order, summing to its copies ({@code
     * allocation-does-not-sum}, never negative: {@code invalid-allocation}); the draft becomes {@code by_hand}.
     */
    @Transactional
    public Allocation adjust(AllocationId id, List<Integer> copies) {
        Allocation allocation = lockDraft(id);
        if (copies == null
                || copies.size() != allocation.shares().size()
                || copies.stream().anyMatch(c -> c == null || c < 0)) {
            throw new DistributionInputInvalid(
                    "invalid-allocation",
                    "copies for each of the " + allocation.shares().size() + " recipients, none negative");
        }
        int sum = copies.stream().mapToInt(Integer::intValue).sum();
        if (sum != allocation.copies()) {
            throw new DistributionInputInvalid(
                    "allocation-does-not-sum",
                    "the copies given by hand sum to " + sum + ", not " + allocation.copies(),
                    Map.of("sum", sum, "copies", allocation.copies()));
        }
        for (int i = 0; i < copies.size(); i++) {
            db.sql("UPDATE dist_allocation_share SET weight = ?, copies = ? WHERE allocation_id = ? AND position = ?")
                    .params(copies.get(i), copies.get(i), id.value(), i + 1)
                    .update();
        }
        db.sql("UPDATE dist_allocation SET method = ? WHERE id = ?")
                .params(Method.BY_HAND.name(), id.value())
                .update();
        return get(id);
    }

    private Allocation lockDraft(AllocationId id) {
        db.sql("SELECT id FROM dist_allocation WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("allocation", id));
        Allocation allocation = get(id);
        requireDraft(allocation);
        return allocation;
    }

    private static void requireDraft(Allocation allocation) {
        if (allocation.status() != Status.DRAFT) {
            throw new DistributionConflict(
                    "allocation-already-planned",
                    "allocation " + allocation.id() + " was already planned; nothing was changed");
        }
    }

    /**
     * Refuses ({@link InsufficientStock}) a draft of more copies than are available at the location (on hand and not
     * reserved for planned or packed shipments; of the funder, when one is chosen): it could never be planned.
     */
    private void requireStock(EditionId edition, LocationId location, FunderId funder, int copies) {
        int available = reservations.available(edition, location, funder);
        if (copies > available) {
            throw new InsufficientStock(copies, available, funder == null ? Map.of() : Map.of(funder, available));
        }
    }

    private Allocation allocation(ResultSet rs, int n) throws SQLException {
        AllocationId id = new AllocationId(rs.getObject("id", UUID.class));
        UUID funder = rs.getObject("funder_id", UUID.class);
        List<Share> shares = db.sql("SELECT * FROM dist_allocation_share WHERE allocation_id = ? ORDER BY position")
                .param(id.value())
                .query((r, i) -> {
                    UUID shipment = r.getObject("shipment_id", UUID.class);
                    return new Share(
                            new RecipientId(r.getObject("recipient_id", UUID.class)),
                            r.getInt("weight"),
                            r.getInt("copies"),
                            shipment == null ? null : new ShipmentId(shipment));
                })
                .list();
        return new Allocation(
                id,
                new EditionId(rs.getObject("edition_id", UUID.class)),
                new LocationId(rs.getObject("location_id", UUID.class)),
                funder == null ? null : new FunderId(funder),
                rs.getInt("copies"),
                Method.valueOf(rs.getString("method")),
                rs.getString("sender_of_record"),
                Status.valueOf(rs.getString("status")),
                shares,
                rs.getTimestamp("created_at").toInstant());
    }
}
