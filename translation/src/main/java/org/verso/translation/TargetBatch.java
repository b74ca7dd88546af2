package org.verso.translation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.verso.accounts.AccountId;

/**
 * What {@link Translations#save} writes for one segment (the versioned update of its target, a history row), written
 * for many segments of one translation at once: an imported XLIFF file saves thousands. Each chunk of {@link #SIZE}
 * saves is two statements, not two per save (a JDBC batch runs statement by statement on H2): one {@code MERGE} that
 * updates every target of the chunk from a {@code VALUES} list, each guarded by its version, and one multi-row
 * {@code INSERT} of the history rows. Standard SQL that H2 and PostgreSQL (15 and later) both run. The caller holds
 * the translation's lock and the transaction; this class only writes.
 */
final class TargetBatch {
    /** Saves per statement: 4 parameters each in the update, 8 in the history rows (far below any driver's limit). */
    static final int SIZE = 500;

    private static final String FULL_UPDATE = update(SIZE);
    private static final String FULL_HISTORY = history(SIZE);

    private TargetBatch() {}

    /**
     * One save: the segment as read under the translation's lock (its version is the one the save starts from), the
     * new target and the status it gets ({@code DRAFT} or {@code TRANSLATED}).
     */
    record TargetSave(TargetSegment segment, String target, SegmentStatus status) {
        TargetSave {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Writes the saves: each target one version up, its history row. The saves name distinct segments.
     *
     * @return the saves whose segment was no longer at the version read (nothing else may change a target while the
     *     translation is locked, so none); the caller rolls back when there is one
     */
    static List<TargetSave> write(
            JdbcTemplate jdbc, TranslationId id, List<TargetSave> saves, AccountId by, Instant at) {
        Timestamp now = Timestamp.from(at);
        for (int from = 0; from < saves.size(); from += SIZE) {
            List<TargetSave> chunk = saves.subList(from, Math.min(saves.size(), from + SIZE));
            Object[] updates = new Object[chunk.size() * 4 + 4];
            Object[] history = new Object[chunk.size() * 8];
            int u = 0;
            int h = 0;
            for (TargetSave s : chunk) {
                UUID segment = s.segment().id().value();
                int version = s.segment().version();
                updates[u++] = segment;
                updates[u++] = version;
                updates[u++] = s.target();
                updates[u++] = s.status().name();
                history[h++] = UUID.randomUUID();
                history[h++] = id.value();
                history[h++] = segment;
                history[h++] = s.target();
                history[h++] = s.status().name();
                history[h++] = version + 1;
                history[h++] = by.value();
                history[h++] = now;
            }
            updates[u++] = id.value();
            updates[u++] = by.value();
            updates[u++] = by.value();
            updates[u] = now;
            boolean full = chunk.size() == SIZE;
            int rows = jdbc.update(full ? FULL_UPDATE : update(chunk.size()), updates);
            if (rows != chunk.size()) {
                return stale(jdbc, id, chunk);
            }
            jdbc.update(full ? FULL_HISTORY : history(chunk.size()), history);
        }
        return List.of();
    }

    /** The saves of a chunk whose target is not one version above the version they started from after the update. */
    private static List<TargetSave> stale(JdbcTemplate jdbc, TranslationId id, List<TargetSave> chunk) {
        Map<UUID, Integer> versions = new HashMap<>();
        jdbc.query(
                "SELECT segment_id, version FROM translation_target WHERE translation_id = ?",
                rs -> {
                    versions.put(rs.getObject(1, UUID.class), rs.getInt(2));
                },
                id.value());
        List<TargetSave> stale = new ArrayList<>();
        for (TargetSave s : chunk) {
            Integer version = versions.get(s.segment().id().value());
            if (version == null || version != s.segment().version() + 1) {
                stale.add(s);
            }
        }
        return stale.isEmpty() ? List.copyOf(chunk) : stale;
    }

    /** Updates {@code rows} targets from a list of (segment, version read, target, status), the guard in the join. */
    private static String update(int rows) {
        return "MERGE INTO translation_target t USING (VALUES " + tuples(rows, 4)
                + ") AS v (segment_id, version, target, status)"
                + " ON t.translation_id = ? AND t.segment_id = v.segment_id AND t.version = v.version"
                + " WHEN MATCHED THEN UPDATE SET target = v.target, status = v.status, version = t.version + 1,"
                + " translated_by = ?, updated_by = ?, updated_at = ?, review_comment = NULL, previous_source = "
                + SourceVersions.confirmed("v.status");
    }

    private static String history(int rows) {
        return "INSERT INTO translation_target_history (id, translation_id, segment_id, target, status, version, actor,"
                + " at) VALUES " + tuples(rows, 8);
    }

    /** {@code (?, ?, …), (?, ?, …)}: {@code rows} tuples of {@code width} parameters. */
    private static String tuples(int rows, int width) {
        String tuple = "(?" + ", ?".repeat(width - 1) + ")";
        StringBuilder sql = new StringBuilder(rows * (tuple.length() + 2));
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }
}
