package org.verso.distribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.distribution.Edition.Item;
import org.verso.distribution.Edition.NewEdition;
import org.verso.library.LanguageTag;
import org.verso.translation.Revision;
import org.verso.translation.RevisionId;
import org.verso.translation.Revisions;

/**
 * The editions. Each revision of an edition is checked through {@link Revisions}: it must exist (a revision exists
 * only for an approved translation) and be in the edition's language. An edition used by a print run is frozen.
 *
 * <p>Thread-safe. Throws {@link DistributionInputInvalid} ({@code revision-not-approved},
 * {@code revision-language-mismatch}, …) and {@link DistributionConflict} ({@code edition-frozen}).
 */
@Service
public class Editions {
    private final JdbcClient db;
    private final ObjectProvider<Revisions> revisions;
    private final Clock clock;

    Editions(JdbcClient db, ObjectProvider<Revisions> revisions, Clock clock) {
        this.db = db;
        this.revisions = revisions;
        this.clock = clock;
    }

    @Transactional
    public Edition create(NewEdition edition) {
        checkRevisions(edition);
        EditionId id = EditionId.random();
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("INSERT INTO dist_edition (id, title, language, isbn, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id.value(), edition.title(), edition.language().value(), edition.isbn(), now, now)
                .update();
        insertItems(id, edition.items());
        return get(id);
    }

    /** Replaces title, language, ISBN and items of an edition no print run uses yet. */
    @Transactional
    public Edition change(EditionId id, NewEdition edition) {
        lock(id);
        if (usedByPrintRun(id)) {
            throw new DistributionConflict(
                    "edition-frozen",
                    "edition " + id + " is used by a print run and cannot change; make a new edition");
        }
        checkRevisions(edition);
        db.sql("UPDATE dist_edition SET title = ?, language = ?, isbn = ?, updated_at = ? WHERE id = ?")
                .params(
                        edition.title(),
                        edition.language().value(),
                        edition.isbn(),
                        Timestamp.from(clock.instant()),
                        id.value())
                .update();
        db.sql("DELETE FROM dist_edition_item WHERE edition_id = ?")
                .param(id.value())
                .update();
        insertItems(id, edition.items());
        return get(id);
    }

    @Transactional(readOnly = true)
    public Edition get(EditionId id) {
        return find(id).orElseThrow(() -> new DistributionNotFound("edition", id));
    }

    @Transactional(readOnly = true)
    public Optional<Edition> find(EditionId id) {
        return load("WHERE e.id = ?", List.of(id.value()), Paging.FIRST).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public ResultPage<Edition> list(Paging paging) {
        long total =
                db.sql("SELECT COUNT(*) FROM dist_edition").query(Long.class).single();
        return ResultPage.of(load("", List.of(), paging), paging, total);
    }

    /** Locks the edition's row for the rest of the transaction; throws when there is no such edition. */
    void lock(EditionId id) {
        db.sql("SELECT id FROM dist_edition WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new DistributionNotFound("edition", id));
    }

    private boolean usedByPrintRun(EditionId id) {
        return db.sql("SELECT COUNT(*) FROM dist_print_run WHERE edition_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void checkRevisions(NewEdition edition) {
        Revisions known = revisions.getIfAvailable();
        for (Item item : edition.items()) {
            if (item.revision() == null) {
                continue;
            }
            Optional<Revision> revision = known == null ? Optional.empty() : known.find(item.revision());
            if (revision.isEmpty()) {
                throw new DistributionInputInvalid(
                        "revision-not-approved",
                        "revision " + item.revision() + " does not exist: only approved translations have revisions",
                        Map.of("revision", item.revision().toString()));
            }
            LanguageTag language = revision.get().language();
            if (!language.equals(edition.language())) {
                throw new DistributionInputInvalid(
                        "revision-language-mismatch",
                        "revision " + item.revision() + " is in " + language + ", the edition in " + edition.language(),
                        Map.of("revision", item.revision().toString()));
            }
        }
    }

    private void insertItems(EditionId id, List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            db.sql("INSERT INTO dist_edition_item (edition_id, item_order, revision_id, code, description)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(
                            id.value(),
                            i,
                            item.revision() == null ? null : item.revision().value(),
                            item.code(),
                            item.description())
                    .update();
        }
    }

    private List<Edition> load(String where, List<Object> params, Paging paging) {
        record Row(UUID id, String title, String language, String isbn, boolean frozen) {}
        List<Object> all = new ArrayList<>(params);
        all.add(paging.size());
        all.add(paging.offset());
        List<Row> rows = db.sql("SELECT e.id, e.title, e.language, e.isbn,"
                        + " EXISTS (SELECT 1 FROM dist_print_run r WHERE r.edition_id = e.id) AS frozen"
                        + " FROM dist_edition e " + where + " ORDER BY e.title, e.id LIMIT ? OFFSET ?")
                .params(all)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("language"),
                        rs.getString("isbn"),
                        rs.getBoolean("frozen")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<Item>> items = db
                .sql("SELECT edition_id, revision_id, code, description FROM dist_edition_item"
                        + " WHERE edition_id IN (:ids) ORDER BY edition_id, item_order")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(
                        rs.getObject("edition_id", UUID.class),
                        new Item(
                                rs.getObject("revision_id", UUID.class) == null
                                        ? null
                                        : new RevisionId(rs.getObject("revision_id", UUID.class)),
                                rs.getString("code"),
                                rs.getString("description"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream()
                .map(r -> new Edition(
                        new EditionId(r.id()),
                        r.title(),
                        LanguageTag.of(r.language()),
                        r.isbn(),
                        items.getOrDefault(r.id(), List.of()),
                        r.frozen()))
                .toList();
    }
}
