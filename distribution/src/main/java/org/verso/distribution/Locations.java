package org.verso.distribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.Location.NewLocation;

/** The places where copies are held. Thread-safe. */
@Service
public class Locations {
    private final JdbcClient db;
    private final Clock clock;

    Locations(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public Location create(NewLocation location) {
        LocationId id = LocationId.random();
        try {
            db.sql("INSERT INTO dist_location (id, name, address, created_at) VALUES (?, ?, ?, ?)")
                    .params(id.value(), location.name(), location.address(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DistributionConflict(
                    "location-exists", "there is already a location named '" + location.name() + "'");
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public Location get(LocationId id) {
        return find(id).orElseThrow(() -> new DistributionNotFound("location", id));
    }

    @Transactional(readOnly = true)
    public Optional<Location> find(LocationId id) {
        return db.sql("SELECT id, name, address FROM dist_location WHERE id = ?")
                .param(id.value())
                .query(Locations::row)
                .optional();
    }

    /** The stores, by name: every location but {@link Shipments#IN_TRANSIT}, which holds copies on their way. */
    @Transactional(readOnly = true)
    public ResultPage<Location> list(Paging paging) {
        long total = db.sql("SELECT COUNT(*) FROM dist_location WHERE id <> ?")
                .param(Shipments.IN_TRANSIT.value())
                .query(Long.class)
                .single();
        List<Location> items = db.sql("SELECT id, name, address FROM dist_location WHERE id <> ? ORDER BY name, id"
                        + " LIMIT ? OFFSET ?")
                .params(Shipments.IN_TRANSIT.value(), paging.size(), paging.offset())
                .query(Locations::row)
                .list();
        return ResultPage.of(items, paging, total);
    }

    /** The stores (every location but {@link Shipments#IN_TRANSIT}), by name: the choices of a form. */
    @Transactional(readOnly = true)
    public List<Location> stores() {
        return all().stream().filter(l -> !l.id().equals(Shipments.IN_TRANSIT)).toList();
    }

    /** Every location, In transit included (to name the balances held there). */
    @Transactional(readOnly = true)
    public List<Location> all() {
        return db.sql("SELECT id, name, address FROM dist_location ORDER BY name, id")
                .query(Locations::row)
                .list();
    }

    private static Location row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Location(
                new LocationId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("address"));
    }
}
