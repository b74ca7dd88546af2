package org.verso.translation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.verso.accounts.AccountId;

/**
 * What {@link Translations#save} writes for one segment (the versioned update of its target, a history row), written
 * for many segments of one translation in JDBC batches: an imported XLIFF file saves thousands at once. The caller
 * holds the translation's lock and the transaction; this class only writes.
 */
final class TargetBatch {
    /** Statements per JDBC batch. */
    static final int SIZE = 1000;

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
     * Writes the saves: each target one version up, its history row.
     *
     * @return the saves whose segment was no longer at the version read (nothing else may change a target while the
     *     translation is locked, so none); the caller rolls back when there is one
     */
    static List<TargetSave> write(
            JdbcTemplate jdbc, TranslationId id, List<TargetSave> saves, AccountId by, Instant at) {
        Timestamp now = Timestamp.from(at);
        List<TargetSave> stale = new ArrayList<>();
        for (int from = 0; from < saves.size(); from += SIZE) {
            List<TargetSave> chunk = saves.subList(from, Math.min(saves.size(), from + SIZE));
            List<Object[]> updates = new ArrayList<>(chunk.size());
            List<Object[]> history = new ArrayList<>(chunk.size());
            for (TargetSave s : chunk) {
                UUID segment = s.segment().id().value();
                int version = s.segment().version();
                updates.add(new Object[] {
                    s.target(),
                    s.status().name(),
                    by.value(),
                    by.value(),
                    now,
                    s.status().name(),
                    id.value(),
                    segment,
                    version
                });
                history.add(new Object[] {
                    id.value(), segment, s.target(), s.status().name(), version + 1, by.value(), now
                });
            }
            int[] rows = jdbc.batchUpdate(
                    "UPDATE translation_target SET target = ?, status = ?, version = version + 1, translated_by = ?,"
                            + " updated_by = ?, updated_at = ?, review_comment = NULL, previous_source = "
                            + SourceVersions.CONFIRMED + " WHERE translation_id = ? AND segment_id = ? AND version = ?",
                    updates);
            for (int i = 0; i < rows.length; i++) {
                // a driver may answer SUCCESS_NO_INFO for a batched statement; only a zero says the row was not there
                if (rows[i] == 0) {
                    stale.add(chunk.get(i));
                }
            }
            if (!stale.isEmpty()) {
                return stale;
            }
            jdbc.batchUpdate(
                    "INSERT INTO translation_target_history (translation_id, segment_id, target, status, version, actor,"
                            + " at, review_comment) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                    history);
        }
        return stale;
    }
}
