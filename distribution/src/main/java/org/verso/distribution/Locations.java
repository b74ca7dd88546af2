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

    @Transactional(readOnly = true)
    public ResultPage<Location> list(Paging paging) {
        long total =
                db.sql("SELECT COUNT(*) FROM dist_location").query(Long.class).single();
        List<Location> items = db.sql("SELECT id, name, address FROM dist_location ORDER BY name, id LIMIT ? OFFSET ?")
                .params(paging.size(), paging.offset())
                .query(Locations::row)
                .list();
        return ResultPage.of(items, paging, total);
    }

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
