package org.verso.translation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.library.Sha256;
import org.verso.translation.SourceMatch.Kind;
import org.verso.translation.SourceMatch.Side;

/**
 * Carries every translation of a document over to a new version of one of its files, and tells what that did.
 * Segments are matched by {@link SourceMatch}; an unchanged one keeps its target, status, version and history; a
 * changed one keeps its target (pre-filled) and history with the status {@code SOURCE_CHANGED} and the old source for
 * the diff (a changed segment that was never translated is simply new); a new one is new; a removed one leaves the
 * translation and is kept, with its last target, in {@link SourceChange.Carried#removedSegments()} (its history stays
 * too). Revisions are not touched: they hold copies of their segments.
 *
 * <p>Thread-safe. The carry-over runs in the transaction that stores the new file's segments.
 */
public class SourceVersions {
    /**
     * The value of {@code previous_source} after a save whose status is the statement's next parameter: a save as
     * translated confirms the segment against its new source (the diff goes); a draft keeps it.
     */
    static final String CONFIRMED = "CASE WHEN ? = 'TRANSLATED' THEN NULL ELSE previous_source END";

    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SourceVersions(JdbcClient db, ApplicationEventPublisher events, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Old(UUID id, int seq, String unit, String source, String text) {}

    private record Target(
            String target,
            String status,
            int version,
            UUID translatedBy,
            UUID updatedBy,
            Timestamp updatedAt,
            String comment,
            String previousSource) {}

    /** Runs inside the transaction that stored {@code next}'s segments; {@code old}'s are still stored. */
    void carryOver(DocumentId document, Sha256 old, Sha256 next) {
        List<Old> before = segmentsOf(document, old);
        List<Old> after = segmentsOf(document, next);
        SourceMatch.Result match = SourceMatch.match(sides(before), sides(after));
        UUID change = UUID.randomUUID();
        Instant now = clock.instant();
        db.sql("INSERT INTO translation_source_change (id, document_id, old_file, new_file, unchanged, changed, added,"
                        + " removed, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        change,
                        document.value(),
                        old.hex(),
                        next.hex(),
                        (int) match.count(Kind.UNCHANGED),
                        (int) match.count(Kind.CHANGED),
                        (int) match.count(Kind.NEW),
                        match.removed().size(),
                        Timestamp.from(now))
                .update();
        db.sql("UPDATE translation_file SET superseded_by = ? WHERE document_id = ? AND file_sha256 = ?")
                .params(next.hex(), document.value(), old.hex())
                .update();
        List<TranslationChanged> changed = new ArrayList<>();
        for (var work : translationsOf(document)) {
            carry(change, work.getKey(), targetsOf(work.getKey(), document, old), before, after, match);
            changed.add(new TranslationChanged(work.getKey(), document, work.getValue()));
        }
        changed.forEach(events::publishEvent);
    }

    /**
     * A file added to a document that has translations already (the kit's fifth brochure): runs inside the transaction
     * that stored the file's segments, and gives every translation of the document its segments, new, with the counts
     * the progress is measured against. A translation's status is left as it is.
     */
    void addFile(DocumentId document, Sha256 file) {
        List<TranslationChanged> changed = new ArrayList<>();
        for (var work : translationsOf(document)) {
            int added = db.sql("INSERT INTO translation_target (translation_id, segment_id, target, status, version)"
                            + " SELECT ?, s.id, '', 'NEW', 0 FROM translation_segment s WHERE s.document_id = ?"
                            + " AND s.file_sha256 = ? AND NOT EXISTS (SELECT 1 FROM translation_target t"
                            + " WHERE t.translation_id = ? AND t.segment_id = s.id)")
                    .params(
                            work.getKey().value(),
                            document.value(),
                            file.hex(),
                            work.getKey().value())
                    .update();
            if (added > 0) {
                recount(work.getKey());
                changed.add(new TranslationChanged(work.getKey(), document, work.getValue()));
            }
        }
        changed.forEach(events::publishEvent);
    }

    private void carry(
            UUID change,
            TranslationId id,
            Map<UUID, Target> targets,
            List<Old> before,
            List<Old> after,
            SourceMatch.Result match) {
        int[] progressBefore = progress(id);
        for (int n = 0; n < after.size(); n++) {
            Old from = match.from()[n] < 0 ? null : before.get(match.from()[n]);
            Target kept = from == null ? null : targets.get(from.id());
            UUID segment = after.get(n).id();
            if (kept == null
                    || (match.kinds().get(n) == Kind.CHANGED && kept.target().isEmpty())) {
                db.sql("INSERT INTO translation_target (translation_id, segment_id, target, status, version)"
                                + " VALUES (?, ?, '', 'NEW', 0)")
                        .params(id.value(), segment)
                        .update();
            } else {
                boolean same = match.kinds().get(n) == Kind.UNCHANGED;
                db.sql("INSERT INTO translation_target (translation_id, segment_id, target, status, version,"
                                + " translated_by, updated_by, updated_at, review_comment, previous_source)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                id.value(),
                                segment,
                                kept.target(),
                                same ? kept.status() : SegmentStatus.SOURCE_CHANGED.name(),
                                kept.version(),
                                kept.translatedBy(),
                                kept.updatedBy(),
                                kept.updatedAt(),
                                same ? kept.comment() : null,
                                same ? kept.previousSource() : firstSource(kept, from))
                        .update();
            }
            if (from != null) { // the history follows the segment
                db.sql("UPDATE translation_target_history SET segment_id = ? WHERE translation_id = ?"
                                + " AND segment_id = ?")
                        .params(segment, id.value(), from.id())
                        .update();
            }
        }
        for (int o : match.removed()) {
            Old gone = before.get(o);
            Target last = targets.get(gone.id());
            if (last != null) {
                db.sql("INSERT INTO translation_removed_target (change_id, translation_id, segment_id, seq, source,"
                                + " target, status, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                change,
                                id.value(),
                                gone.id(),
                                gone.seq(),
                                gone.source(),
                                last.target(),
                                last.status(),
                                last.version())
                        .update();
            }
        }
        for (Old gone : before) {
            db.sql("DELETE FROM translation_target WHERE translation_id = ? AND segment_id = ?")
                    .params(id.value(), gone.id())
                    .update();
        }
        recount(id);
        int[] progressAfter = progress(id);
        db.sql("INSERT INTO translation_source_carry (change_id, translation_id, before_done, before_total,"
                        + " after_done, after_total) VALUES (?, ?, ?, ?, ?, ?)")
                .params(change, id.value(), progressBefore[0], progressBefore[1], progressAfter[0], progressAfter[1])
                .update();
    }

    /** The source the translation was made from: kept through several changes until it is confirmed. */
    private static String firstSource(Target kept, Old from) {
        return kept.previousSource() != null ? kept.previousSource() : from.source();
    }

    /** Translated or approved segments, and all segments, of a translation. */
    /** The translation's segments and words, counted again from its targets. */
    private void recount(TranslationId id) {
        List<String> texts = db.sql("SELECT s.plain_text FROM translation_target t JOIN translation_segment s"
                        + " ON s.id = t.segment_id WHERE t.translation_id = ?")
                .param(id.value())
                .query(String.class)
                .list();
        db.sql("UPDATE translation_work SET segment_count = ?, word_count = ? WHERE id = ?")
                .params(
                        texts.size(),
                        texts.stream().mapToInt(Translations::words).sum(),
                        id.value())
                .update();
    }

    private int[] progress(TranslationId id) {
        return db.sql("SELECT COALESCE(SUM(CASE WHEN status IN ('TRANSLATED', 'APPROVED') THEN 1 ELSE 0 END), 0),"
                        + " COUNT(*) FROM translation_target WHERE translation_id = ?")
                .param(id.value())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    private List<Old> segmentsOf(DocumentId document, Sha256 file) {
        return db.sql("SELECT id, seq, unit_id, source, plain_text FROM translation_segment"
                        + " WHERE document_id = ? AND file_sha256 = ? ORDER BY seq")
                .params(document.value(), file.hex())
                .query((rs, n) -> new Old(
                        rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private static List<Side> sides(List<Old> segments) {
        return segments.stream()
                .map(s -> new Side(s.unit(), s.source(), s.text()))
                .toList();
    }

    private List<Map.Entry<TranslationId, LanguageTag>> translationsOf(DocumentId document) {
        return db.sql("SELECT id, target_language FROM translation_work WHERE document_id = ? ORDER BY id FOR UPDATE")
                .param(document.value())
                .query((rs, n) ->
                        Map.entry(new TranslationId(rs.getObject(1, UUID.class)), LanguageTag.of(rs.getString(2))))
                .list();
    }

    private Map<UUID, Target> targetsOf(TranslationId id, DocumentId document, Sha256 file) {
        Map<UUID, Target> targets = new HashMap<>();
        db.sql("SELECT t.segment_id, t.target, t.status, t.version, t.translated_by, t.updated_by, t.updated_at,"
                        + " t.review_comment, t.previous_source FROM translation_target t JOIN translation_segment s"
                        + " ON s.id = t.segment_id WHERE t.translation_id = ? AND s.document_id = ?"
                        + " AND s.file_sha256 = ?")
                .params(id.value(), document.value(), file.hex())
                .query(rs -> {
                    targets.put(
                            rs.getObject(1, UUID.class),
                            new Target(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getObject(5, UUID.class),
                                    rs.getObject(6, UUID.class),
                                    rs.getTimestamp(7),
                                    rs.getString(8),
                                    rs.getString(9)));
                });
        return targets;
    }

    /** The changes new versions made to a document's files, oldest first. */
    public List<SourceChange> of(DocumentId document) {
        Objects.requireNonNull(document, "document");
        record Row(UUID id, Sha256 old, Sha256 next, int unchanged, int changed, int added, int removed, Instant at) {}
        List<Row> rows = db.sql("SELECT id, old_file, new_file, unchanged, changed, added, removed, at"
                        + " FROM translation_source_change WHERE document_id = ? ORDER BY at, id")
                .param(document.value())
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        new Sha256(rs.getString(2)),
                        new Sha256(rs.getString(3)),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
        List<SourceChange> changes = new ArrayList<>();
        for (Row r : rows) {
            changes.add(new SourceChange(
                    document,
                    r.old(),
                    r.next(),
                    r.unchanged(),
                    r.changed(),
                    r.added(),
                    r.removed(),
                    r.at(),
                    carried(r.id())));
        }
        return changes;
    }

    private List<SourceChange.Carried> carried(UUID change) {
        return db.sql("SELECT c.translation_id, w.target_language, c.before_done, c.before_total, c.after_done,"
                        + " c.after_total FROM translation_source_carry c JOIN translation_work w"
                        + " ON w.id = c.translation_id WHERE c.change_id = ? ORDER BY w.target_language")
                .param(change)
                .query((rs, n) -> {
                    TranslationId id = new TranslationId(rs.getObject(1, UUID.class));
                    return new SourceChange.Carried(
                            id,
                            LanguageTag.of(rs.getString(2)),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getInt(6),
                            removed(change, id));
                })
                .list();
    }

    private List<SourceChange.RemovedSegment> removed(UUID change, TranslationId id) {
        return db.sql("SELECT segment_id, seq, source, target, status, version FROM translation_removed_target"
                        + " WHERE change_id = ? AND translation_id = ? ORDER BY seq")
                .params(change, id.value())
                .query((rs, n) -> new SourceChange.RemovedSegment(
                        new SegmentId(rs.getObject(1, UUID.class)),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        SegmentStatus.valueOf(rs.getString(5)),
                        rs.getInt(6)))
                .list();
    }

    /**
     * The word-level difference of each given segment whose source changed under the translation (from the source it
     * was translated from to the source now); segments without one are absent.
     */
    public Map<SegmentId, List<SourceDiff.Piece>> diffs(TranslationId id, Collection<SegmentId> segments) {
        Map<SegmentId, List<SourceDiff.Piece>> diffs = new HashMap<>();
        if (segments.isEmpty()) {
            return diffs;
        }
        db.sql("SELECT t.segment_id, t.previous_source, s.source FROM translation_target t JOIN translation_segment s"
                        + " ON s.id = t.segment_id WHERE t.translation_id = :id AND t.previous_source IS NOT NULL"
                        + " AND t.segment_id IN (:segments)")
                .param("id", id.value())
                .param("segments", segments.stream().map(SegmentId::value).toList())
                .query(rs -> {
                    diffs.put(
                            new SegmentId(rs.getObject(1, UUID.class)),
                            SourceDiff.of(rs.getString(2), rs.getString(3)));
                });
        return diffs;
    }
}
