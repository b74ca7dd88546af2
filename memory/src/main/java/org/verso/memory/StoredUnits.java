package org.verso.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.translation.RevisionId;

/** The units as stored in {@code memory_unit}. Only this module reads the table. */
class StoredUnits {
    private static final String COLUMNS = "id, source_language, target_language, source, target, context_key, origin,"
            + " document_id, revision_id, translator_id, translator_name, note, created_at";

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    StoredUnits(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    static String contentKey(LanguageTag sourceLanguage, LanguageTag targetLanguage, String source, String target) {
        return Context.sha256(
                sourceLanguage.value() + '\u0000' + targetLanguage.value() + '\u0000' + source + '\u0000' + target);
    }

    /** The stored units with these content keys ({@link #contentKey}), by key: a query per 500 keys. */
    Map<String, MemoryUnit> sameAll(Collection<String> keys) {
        Map<String, MemoryUnit> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            db.sql("SELECT " + COLUMNS + ", content_key FROM memory_unit WHERE content_key IN (:keys)")
                    .param("keys", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> Map.entry(rs.getString("content_key"), unit(rs, n)))
                    .list()
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    void insert(List<MemoryUnit> units) {
        jdbc.batchUpdate(
                "INSERT INTO memory_unit (" + COLUMNS + ", content_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                units,
                500,
                (ps, u) -> {
                    Provenance p = u.provenance();
                    ps.setObject(1, u.id().value());
                    ps.setString(2, u.sourceLanguage().value());
                    ps.setString(3, u.targetLanguage().value());
                    ps.setString(4, u.source());
                    ps.setString(5, u.target());
                    ps.setString(6, u.contextKey());
                    ps.setString(7, p.origin().name());
                    ps.setObject(8, p.document() == null ? null : p.document().value());
                    ps.setObject(9, p.revision() == null ? null : p.revision().value());
                    ps.setObject(
                            10, p.translator() == null ? null : p.translator().value());
                    ps.setString(11, p.translatorName());
                    ps.setString(12, p.note());
                    ps.setTimestamp(13, Timestamp.from(p.date()));
                    ps.setString(14, contentKey(u.sourceLanguage(), u.targetLanguage(), u.source(), u.target()));
                });
    }

    /** Replaces a stored unit's provenance and context (its texts stay). */
    void update(UnitId id, Provenance p, String contextKey) {
        db.sql("UPDATE memory_unit SET origin = ?, document_id = ?, revision_id = ?, translator_id = ?,"
                        + " translator_name = ?, note = ?, created_at = ?, context_key = COALESCE(?, context_key)"
                        + " WHERE id = ?")
                .params(
                        p.origin().name(),
                        p.document() == null ? null : p.document().value(),
                        p.revision() == null ? null : p.revision().value(),
                        p.translator() == null ? null : p.translator().value(),
                        p.translatorName(),
                        p.note(),
                        Timestamp.from(p.date()),
                        contextKey,
                        id.value())
                .update();
    }

    Map<UUID, MemoryUnit> byIds(Collection<UUID> ids) {
        Map<UUID, MemoryUnit> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        db.sql("SELECT " + COLUMNS + " FROM memory_unit WHERE id IN (:ids)")
                .param("ids", ids)
                .query(StoredUnits::unit)
                .list()
                .forEach(u -> found.put(u.id().value(), u));
        return found;
    }

    long count() {
        return db.sql("SELECT COUNT(*) FROM memory_unit").query(Long.class).single();
    }

    /** Every unit's id, pair and source in the order they were added, to rebuild the index from. */
    void forEachSource(Consumer<SourceRow> each) {
        jdbc.query("SELECT id, source_language, target_language, source FROM memory_unit ORDER BY ordinal", rs -> {
            each.accept(new SourceRow(
                    rs.getObject(1, UUID.class),
                    LanguageTag.of(rs.getString(2)),
                    LanguageTag.of(rs.getString(3)),
                    rs.getString(4)));
        });
    }

    record SourceRow(UUID id, LanguageTag sourceLanguage, LanguageTag targetLanguage, String source) {}

    /** The units of a pair (either may be null: any) and of a document (null: any), oldest first. */
    void forEach(
            LanguageTag sourceLanguage, LanguageTag targetLanguage, DocumentId document, Consumer<MemoryUnit> each) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM memory_unit WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (sourceLanguage != null) {
            sql.append(" AND source_language = ?");
            params.add(sourceLanguage.value());
        }
        if (targetLanguage != null) {
            sql.append(" AND target_language = ?");
            params.add(targetLanguage.value());
        }
        if (document != null) {
            sql.append(" AND document_id = ?");
            params.add(document.value());
        }
        sql.append(" ORDER BY ordinal");
        jdbc.query(
                sql.toString(),
                rs -> {
                    each.accept(unit(rs, 0));
                },
                params.toArray());
    }

    private static MemoryUnit unit(ResultSet rs, int n) throws SQLException {
        UUID document = rs.getObject("document_id", UUID.class);
        UUID revision = rs.getObject("revision_id", UUID.class);
        UUID translator = rs.getObject("translator_id", UUID.class);
        return new MemoryUnit(
                new UnitId(rs.getObject("id", UUID.class)),
                LanguageTag.of(rs.getString("source_language")),
                LanguageTag.of(rs.getString("target_language")),
                rs.getString("source"),
                rs.getString("target"),
                rs.getString("context_key"),
                new Provenance(
                        Origin.valueOf(rs.getString("origin")),
                        document == null ? null : new DocumentId(document),
                        revision == null ? null : new RevisionId(revision),
                        translator == null ? null : new AccountId(translator),
                        rs.getString("translator_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("note")));
    }
}
