package org.verso.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies held back for shipments not yet dispatched: every line of a {@code planned} or {@code packed} shipment
 * reserves its copies of the edition at the shipment's location (of its funder when the line names one, else of any
 * funder there). Available = on hand − reserved. A dispatch turns the reservation into movements; a cancellation
 * releases it. Nothing is stored: the reservations are the lines of the shipments in those two statuses.
 *
 * <p>{@link #require} is exact: a set of demands fits when, for every funder, its own reservations and demands fit in
 * what it holds, and all reservations and demands together fit in what every funder holds together (copies without a
 * funder may come from any funder). It locks the balance rows of the edition at the location first ({@code FOR
 * UPDATE}, the ledger's order), so two plans for the last copies at once run one after the other and the second sees
 * the first's shipments.
 */
@Component
class Reservations {
    /** The statuses whose lines reserve copies. */
    static final List<String> RESERVING = List.of(ShipmentStatus.PLANNED.name(), ShipmentStatus.PACKED.name());

    private final JdbcClient db;

    Reservations(JdbcClient db) {
        this.db = db;
    }

    /** Copies of an edition asked for at a location, of {@code funder} or ({@code null}) of any funder. */
    record Demand(EditionId edition, LocationId location, FunderId funder, int copies) {}

    private record Item(EditionId edition, LocationId location) {}

    /**
     * Throws {@link InsufficientStock} (with what is available) unless the demands fit in what is on hand and not
     * reserved; call inside the transaction that writes the shipments.
     */
    void require(List<Demand> demands) {
        Map<Item, Map<FunderId, Integer>> asked = new LinkedHashMap<>();
        demands.stream()
                .sorted(Comparator.comparing((Demand d) -> d.edition().value())
                        .thenComparing(d -> d.location().value()))
                .forEach(d -> asked.computeIfAbsent(new Item(d.edition(), d.location()), i -> new HashMap<>())
                        .merge(d.funder(), d.copies(), Integer::sum));
        asked.forEach((item, wanted) -> {
            Map<FunderId, Integer> held = lockHeld(item.edition(), item.location());
            Map<FunderId, Integer> reserved = reserved(item.edition(), item.location());
            Map<FunderId, Integer> free = free(held, reserved);
            int freeTotal = freeTotal(held, reserved);
            wanted.forEach((funder, copies) -> {
                if (funder != null) {
                    int available = Math.min(free.getOrDefault(funder, 0), freeTotal);
                    if (copies > available) {
                        throw new InsufficientStock(
                                copies, Math.max(0, available), Map.of(funder, Math.max(0, available)));
                    }
                }
            });
            int total = wanted.values().stream().mapToInt(Integer::intValue).sum();
            if (total > freeTotal) {
                Map<FunderId, Integer> byFunder = new LinkedHashMap<>();
                free.forEach((f, n) -> byFunder.put(f, Math.max(0, Math.min(n, freeTotal))));
                throw new InsufficientStock(total, Math.max(0, freeTotal), byFunder);
            }
        });
    }

    /**
     * Per funder, the copies reserved of its stock: its own lines' copies and its part of the lines without a funder,
     * split over what each funder has free as a dispatch would take them ({@link Split}); so the parts sum to all
     * that is reserved, and {@code held − reserved} to all that is available.
     */
    static Map<FunderId, Integer> reservedByFunder(Map<FunderId, Integer> held, Map<FunderId, Integer> reserved) {
        Map<FunderId, Integer> result = new LinkedHashMap<>();
        held.keySet().forEach(f -> result.put(f, reserved.getOrDefault(f, 0)));
        int anyFunder = reserved.getOrDefault(null, 0);
        Map<FunderId, Integer> free = free(held, reserved);
        free.replaceAll((f, n) -> Math.max(0, n));
        int freeSum = free.values().stream().mapToInt(Integer::intValue).sum();
        Split.proportional(Math.min(anyFunder, freeSum), free).forEach((f, n) -> result.merge(f, n, Integer::sum));
        return result;
    }

    /** Reserved copies of the edition at the location per line funder; key {@code null}: lines without a funder. */
    Map<FunderId, Integer> reserved(EditionId edition, LocationId location) {
        Map<FunderId, Integer> reserved = new HashMap<>();
        db.sql("SELECT l.funder_id, SUM(l.copies) AS copies FROM dist_shipment s JOIN dist_shipment_line l"
                        + " ON l.shipment_id = s.id WHERE s.status IN (:statuses) AND s.location_id = :location"
                        + " AND l.edition_id = :edition GROUP BY l.funder_id")
                .param("statuses", RESERVING)
                .param("location", location.value())
                .param("edition", edition.value())
                .query((rs, n) -> {
                    UUID funder = rs.getObject("funder_id", UUID.class);
                    return reserved.put(funder == null ? null : new FunderId(funder), rs.getInt("copies"));
                })
                .list();
        return reserved;
    }

    /** Every reservation, per edition × location × line funder ({@code null}: any funder). */
    Map<EditionId, Map<LocationId, Map<FunderId, Integer>>> all(EditionId onlyEdition) {
        Map<EditionId, Map<LocationId, Map<FunderId, Integer>>> all = new HashMap<>();
        List<Object> params = new ArrayList<>(RESERVING);
        if (onlyEdition != null) {
            params.add(onlyEdition.value());
        }
        db.sql("SELECT l.edition_id, s.location_id, l.funder_id, SUM(l.copies) AS copies FROM dist_shipment s"
                        + " JOIN dist_shipment_line l ON l.shipment_id = s.id WHERE s.status IN (?, ?)"
                        + (onlyEdition == null ? "" : " AND l.edition_id = ?")
                        + " GROUP BY l.edition_id, s.location_id, l.funder_id")
                .params(params)
                .query((rs, n) -> {
                    UUID funder = rs.getObject("funder_id", UUID.class);
                    return all.computeIfAbsent(
                                    new EditionId(rs.getObject("edition_id", UUID.class)), e -> new HashMap<>())
                            .computeIfAbsent(
                                    new LocationId(rs.getObject("location_id", UUID.class)), l -> new HashMap<>())
                            .put(funder == null ? null : new FunderId(funder), rs.getInt("copies"));
                })
                .list();
        return all;
    }

    /** The balances of the edition at the location per funder. */
    Map<FunderId, Integer> held(EditionId edition, LocationId location) {
        return held(edition, location, "");
    }

    private Map<FunderId, Integer> lockHeld(EditionId edition, LocationId location) {
        return held(edition, location, " FOR UPDATE");
    }

    private Map<FunderId, Integer> held(EditionId edition, LocationId location, String lock) {
        Map<FunderId, Integer> held = new LinkedHashMap<>();
        db.sql("SELECT funder_id, quantity FROM dist_balance WHERE edition_id = ? AND location_id = ?"
                        + " ORDER BY funder_id" + lock)
                .params(edition.value(), location.value())
                .query((rs, n) -> held.put(new FunderId(rs.getObject("funder_id", UUID.class)), rs.getInt("quantity")))
                .list();
        return held;
    }

    private static Map<FunderId, Integer> free(Map<FunderId, Integer> held, Map<FunderId, Integer> reserved) {
        Map<FunderId, Integer> free = new LinkedHashMap<>();
        held.forEach((f, n) -> free.put(f, n - reserved.getOrDefault(f, 0)));
        reserved.keySet().stream().filter(Objects::nonNull).forEach(f -> free.putIfAbsent(f, -reserved.get(f)));
        return free;
    }

    private static int freeTotal(Map<FunderId, Integer> held, Map<FunderId, Integer> reserved) {
        return held.values().stream().mapToInt(Integer::intValue).sum()
                - reserved.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What is available of the edition at the location: of {@code funder}, or ({@code null}) of every funder. */
    int available(EditionId edition, LocationId location, FunderId funder) {
        Map<FunderId, Integer> held = held(edition, location);
        Map<FunderId, Integer> reserved = reserved(edition, location);
        int total = freeTotal(held, reserved);
        int available = funder == null ? total : Math.min(free(held, reserved).getOrDefault(funder, 0), total);
        return Math.max(0, available);
    }
}
