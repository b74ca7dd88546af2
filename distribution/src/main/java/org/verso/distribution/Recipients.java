package org.verso.distribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.distribution.Recipient.Node;
import org.verso.library.LanguageTag;

/**
 * The recipients and their tree (a university and its branches). Thread-safe. Throws {@link DistributionConflict}
 * ({@code recipient-exists}) for a name taken, {@link DistributionNotFound} for an unknown parent.
 */
@Service
public class Recipients {
    private static final String COLUMNS = "id, name, kind, parent_id, region, city, address, contacts, language";
    private final JdbcClient db;
    private final Clock clock;

    Recipients(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public Recipient create(NewRecipient recipient) {
        if (recipient.parent() != null) {
            get(recipient.parent());
        }
        return get(insert(RecipientId.random(), recipient));
    }

    /** Inserts in the caller's transaction. */
    RecipientId insert(RecipientId id, NewRecipient recipient) {
        try {
            db.sql("INSERT INTO dist_recipient (" + COLUMNS + ", name_key, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id.value(),
                            recipient.name(),
                            recipient.kind().name(),
                            recipient.parent() == null
                                    ? null
                                    : recipient.parent().value(),
                            recipient.region(),
                            recipient.city(),
                            recipient.address(),
                            recipient.contacts(),
                            recipient.language().value(),
                            nameKey(recipient.name()),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DistributionConflict(
                    "recipient-exists", "there is already a recipient named '" + recipient.name() + "'");
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Recipient get(RecipientId id) {
        return find(id).orElseThrow(() -> new DistributionNotFound("recipient", id));
    }

    @Transactional(readOnly = true)
    public Optional<Recipient> find(RecipientId id) {
        return db.sql("SELECT " + COLUMNS + " FROM dist_recipient WHERE id = ?")
                .param(id.value())
                .query(Recipients::row)
                .optional();
    }

    /** The recipient of this name, ignoring case. */
    @Transactional(readOnly = true)
    public Optional<Recipient> findByName(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM dist_recipient WHERE name_key = ?")
                .param(nameKey(name))
                .query(Recipients::row)
                .optional();
    }

    @Transactional(readOnly = true)
    public ResultPage<Recipient> list(Paging paging) {
        long total =
                db.sql("SELECT COUNT(*) FROM dist_recipient").query(Long.class).single();
        List<Recipient> items = db.sql("SELECT " + COLUMNS + " FROM dist_recipient ORDER BY name_key LIMIT ? OFFSET ?")
                .params(paging.size(), paging.offset())
                .query(Recipients::row)
                .list();
        return ResultPage.of(items, paging, total);
    }

    @Transactional(readOnly = true)
    public List<Recipient> all() {
        return db.sql("SELECT " + COLUMNS + " FROM dist_recipient ORDER BY name_key")
                .query(Recipients::row)
                .list();
    }

    /** Every recipient without a parent, each with its descendants; by name at every level. */
    @Transactional(readOnly = true)
    public List<Node> tree() {
        List<Recipient> all = all();
        Map<RecipientId, List<Recipient>> children = new HashMap<>();
        List<Recipient> roots = new ArrayList<>();
        for (Recipient r : all) {
            if (r.parent() == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r);
            }
        }
        return roots.stream().map(r -> node(r, children)).toList();
    }

    private static Node node(Recipient recipient, Map<RecipientId, List<Recipient>> children) {
        return new Node(
                recipient,
                children.getOrDefault(recipient.id(), List.of()).stream()
                        .map(c -> node(c, children))
                        .toList());
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Recipient row(ResultSet rs, int n) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new Recipient(
                new RecipientId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                RecipientKind.valueOf(rs.getString("kind")),
                parent == null ? null : new RecipientId(parent),
                rs.getString("region"),
                rs.getString("city"),
                rs.getString("address"),
                rs.getString("contacts"),
                LanguageTag.of(rs.getString("language")));
    }
}
