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
import org.verso.distribution.Funder.NewFunder;

/** The funders. Thread-safe. Throws {@link DistributionConflict} ({@code funder-exists}) for a name taken. */
@Service
public class Funders {
    private static final String COLUMNS = "id, name, country, reference, currency, contact";
    private final JdbcClient db;
    private final Clock clock;

    Funders(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public Funder create(NewFunder funder) {
        FunderId id = FunderId.random();
        try {
            db.sql("INSERT INTO dist_funder (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id.value(),
                            funder.name(),
                            funder.country(),
                            funder.reference(),
                            funder.currency(),
                            funder.contact(),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DistributionConflict("funder-exists", "there is already a funder named '" + funder.name() + "'");
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public Funder get(FunderId id) {
        return find(id).orElseThrow(() -> new DistributionNotFound("funder", id));
    }

    @Transactional(readOnly = true)
    public Optional<Funder> find(FunderId id) {
        return db.sql("SELECT " + COLUMNS + " FROM dist_funder WHERE id = ?")
                .param(id.value())
                .query(Funders::row)
                .optional();
    }

    @Transactional(readOnly = true)
    public ResultPage<Funder> list(Paging paging) {
        long total =
                db.sql("SELECT COUNT(*) FROM dist_funder").query(Long.class).single();
        List<Funder> items = db.sql("SELECT " + COLUMNS + " FROM dist_funder ORDER BY name, id LIMIT ? OFFSET ?")
                .params(paging.size(), paging.offset())
                .query(Funders::row)
                .list();
        return ResultPage.of(items, paging, total);
    }

    /** Every funder, by name. */
    @Transactional(readOnly = true)
    public List<Funder> all() {
        return db.sql("SELECT " + COLUMNS + " FROM dist_funder ORDER BY name, id")
                .query(Funders::row)
                .list();
    }

    private static Funder row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Funder(
                new FunderId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("country"),
                rs.getString("reference"),
                rs.getString("currency"),
                rs.getString("contact"));
    }
}
