package org.verso.translation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;
import org.verso.library.InvalidInputException;
import org.verso.library.Sha256;

/**
 * The stored segments of documents, and the segmentation state of each ingested file. Only this module reads its
 * tables ({@code translation_file}, {@code translation_segment}).
 *
 * <p>Thread-safe. Writes run in a transaction of their own (they are made from event listeners after the ingest's
 * commit), so a file's segments appear all at once or not at all. Paging arguments out of range throw
 * {@link InvalidInputException} ({@code invalid-page}).
 */
public class Segments {
    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * A condition on {@code translation_segment} rows: of a file that no newer version replaced. Old versions' segments
     * stay stored (their history and the revisions made from them point at them) but are no longer the document's.
     */
    static final String CURRENT = " AND translation_segment.file_sha256 NOT IN (SELECT o.file_sha256 FROM"
            + " translation_file o WHERE o.document_id = translation_segment.document_id"
            + " AND o.superseded_by IS NOT NULL)";

    private static final int BATCH = 500;
    private static final int MAX_UNIT = 255;
    private static final int MAX_REASON = 1000;
    private static final String FILE_COLUMNS = "document_id, file_sha256, file_name, media_type, state, round_trip,"
            + " format, segment_count, reason_code, reason, attempts, updated_at";
    private static final String SEGMENT_COLUMNS =
            "s.id, s.document_id, s.file_sha256, s.seq, s.unit_id, s.source, s.plain_text, s.status";

    private final JdbcClient db;
    private final JdbcTemplate batch;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Segments(JdbcClient db, JdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A page of a document's segments: file by file in the order they were ingested, each in document order. */
    public List<Segment> of(DocumentId document, int page, int size) {
        Objects.requireNonNull(document, "document");
        checkPage(page, size);
        return db.sql("SELECT " + SEGMENT_COLUMNS + " FROM translation_segment s JOIN translation_file f"
                        + " ON f.document_id = s.document_id AND f.file_sha256 = s.file_sha256"
                        + " WHERE s.document_id = ? AND f.superseded_by IS NULL"
                        + " ORDER BY f.registered_at, f.file_sha256, s.seq"
                        + " LIMIT ? OFFSET ?")
                .params(document.value(), size, (long) page * size)
                .query(Segments::segment)
                .list();
    }

    /** A page of the segments of one file of a document, in document order. */
    public List<Segment> of(DocumentId document, Sha256 file, int page, int size) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(file, "file");
        checkPage(page, size);
        return db.sql("SELECT " + SEGMENT_COLUMNS + " FROM translation_segment s"
                        + " WHERE s.document_id = ? AND s.file_sha256 = ? ORDER BY s.seq LIMIT ? OFFSET ?")
                .params(document.value(), file.hex(), size, (long) page * size)
                .query(Segments::segment)
                .list();
    }

    /** How many segments a document has, over all its files. */
    public long count(DocumentId document) {
        Objects.requireNonNull(document, "document");
        return db.sql("SELECT COUNT(*) FROM translation_segment WHERE document_id = ?" + CURRENT)
                .param(document.value())
                .query(Long.class)
                .single();
    }

    /** The segmentation of each of a document's current files (not replaced by a new version), in ingest order. */
    public List<FileSegmentation> files(DocumentId document) {
        Objects.requireNonNull(document, "document");
        return db.sql("SELECT " + FILE_COLUMNS + " FROM translation_file WHERE document_id = ?"
                        + " AND superseded_by IS NULL ORDER BY registered_at, file_sha256")
                .param(document.value())
                .query(Segments::file)
                .list();
    }

    /**
     * The segmentation of the files of several documents in one query (a listing page): each document's files in the
     * order they were ingested; documents with no file known here are absent.
     */
    public Map<DocumentId, List<FileSegmentation>> files(Collection<DocumentId> documents) {
        Objects.requireNonNull(documents, "documents");
        if (documents.isEmpty()) {
            return Map.of();
        }
        return db
                .sql("SELECT " + FILE_COLUMNS + " FROM translation_file WHERE document_id IN (:documents)"
                        + " AND superseded_by IS NULL ORDER BY registered_at, file_sha256")
                .param("documents", documents.stream().map(DocumentId::value).toList())
                .query(Segments::file)
                .list()
                .stream()
                .collect(Collectors.groupingBy(FileSegmentation::documentId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The segmentation of one file of a document, if it was ever ingested. */
    public Optional<FileSegmentation> file(DocumentId document, Sha256 file) {
        return db.sql("SELECT " + FILE_COLUMNS + " FROM translation_file WHERE document_id = ? AND file_sha256 = ?")
                .params(document.value(), file.hex())
                .query(Segments::file)
                .optional();
    }

    /**
     * Records an ingested file as pending unless it is known. Returns whether it needs segmenting: false when its
     * segments are already stored (the same file ingested twice gets no second set).
     */
    boolean register(DocumentIngested event) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            Optional<FileSegmentation> known = file(event.documentId(), event.file());
            if (known.isPresent()) {
                if (known.get().state() == SegmentationState.SEGMENTED) {
                    return false;
                }
                setPending(event.documentId(), event.file());
                return true;
            }
            Instant now = clock.instant();
            try {
                db.sql("INSERT INTO translation_file (document_id, file_sha256, file_name, media_type, language, state,"
                                + " round_trip, segment_count, attempts, registered_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, 'PENDING', FALSE, 0, 0, ?, ?)")
                        .params(
                                event.documentId().value(),
                                event.file().hex(),
                                truncate(event.fileName(), 255),
                                truncate(event.mediaType(), 200),
                                event.language() == null ? null : truncate(event.language(), 35),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update();
                return true;
            } catch (DuplicateKeyException raced) {
                return false; // registered at the same moment by another thread, which segments it
            }
        }));
    }

    /** The files waiting to be segmented, oldest first: work left over when the application stopped. */
    List<FileSegmentation> pending() {
        return db.sql("SELECT " + FILE_COLUMNS + " FROM translation_file WHERE state = 'PENDING'"
                        + " ORDER BY registered_at")
                .query(Segments::file)
                .list();
    }

    /** The language recorded for a file at ingest, if any. */
    Optional<String> language(DocumentId document, Sha256 file) {
        return db.sql("SELECT language FROM translation_file WHERE document_id = ? AND file_sha256 = ?")
                .params(document.value(), file.hex())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(language -> language);
    }

    /**
     * Stores the segments of a registered file, replacing any left from a failed attempt, and marks it segmented, in one
     * transaction. Returns false, storing nothing, when the file is unknown or already segmented.
     *
     * @param note a reason kept with segments that came from a fallback (the round trip failed), or null
     */
    boolean store(DocumentId document, Sha256 file, ExtractedSegments segments, String noteCode, String note) {
        return store(document, file, segments, noteCode, note, () -> {});
    }

    /** As {@link #store(DocumentId, Sha256, ExtractedSegments, String, String)}, then {@code andThen} in its transaction. */
    boolean store(
            DocumentId document,
            Sha256 file,
            ExtractedSegments segments,
            String noteCode,
            String note,
            Runnable andThen) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            Optional<SegmentationState> state = lockState(document, file);
            if (state.isEmpty() || state.get() == SegmentationState.SEGMENTED) {
                return false;
            }
            db.sql("DELETE FROM translation_segment WHERE document_id = ? AND file_sha256 = ?")
                    .params(document.value(), file.hex())
                    .update();
            insert(document, file, segments.segments());
            db.sql("UPDATE translation_file SET state = 'SEGMENTED', round_trip = ?, format = ?, segment_count = ?,"
                            + " reason_code = ?, reason = ?, attempts = attempts + 1, updated_at = ?"
                            + " WHERE document_id = ? AND file_sha256 = ?")
                    .params(
                            segments.roundTrip(),
                            truncate(segments.format(), 40),
                            segments.count(),
                            noteCode,
                            note == null ? null : truncate(note, MAX_REASON),
                            Timestamp.from(clock.instant()),
                            document.value(),
                            file.hex())
                    .update();
            andThen.run();
            return true;
        }));
    }

    /** Records why a registered file could not be segmented; returns false when it is unknown or segmented. */
    boolean fail(DocumentId document, Sha256 file, String code, String reason) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            Optional<SegmentationState> state = lockState(document, file);
            if (state.isEmpty() || state.get() == SegmentationState.SEGMENTED) {
                return false;
            }
            db.sql("DELETE FROM translation_segment WHERE document_id = ? AND file_sha256 = ?")
                    .params(document.value(), file.hex())
                    .update();
            db.sql("UPDATE translation_file SET state = 'FAILED', round_trip = FALSE, format = NULL, segment_count = 0,"
                            + " reason_code = ?, reason = ?, attempts = attempts + 1, updated_at = ?"
                            + " WHERE document_id = ? AND file_sha256 = ?")
                    .params(
                            truncate(code, 60),
                            truncate(reason, MAX_REASON),
                            Timestamp.from(clock.instant()),
                            document.value(),
                            file.hex())
                    .update();
            return true;
        }));
    }

    private void setPending(DocumentId document, Sha256 file) {
        db.sql(
                        "UPDATE translation_file SET state = 'PENDING', updated_at = ? WHERE document_id = ? AND file_sha256 = ?")
                .params(Timestamp.from(clock.instant()), document.value(), file.hex())
                .update();
    }

    private Optional<SegmentationState> lockState(DocumentId document, Sha256 file) {
        return db.sql("SELECT state FROM translation_file WHERE document_id = ? AND file_sha256 = ? FOR UPDATE")
                .params(document.value(), file.hex())
                .query((rs, n) -> SegmentationState.valueOf(rs.getString(1)))
                .optional();
    }

    /** Inserts in JDBC batches: a long document has tens of thousands of segments. */
    private void insert(DocumentId document, Sha256 file, List<ExtractedSegment> segments) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(BATCH);
        List<Object[]> codes = new ArrayList<>();
        for (ExtractedSegment segment : segments) {
            UUID id = UUID.randomUUID();
            for (OriginalCode code : segment.codes()) {
                codes.add(new Object[] {id, code.id(), code.role().name(), code.data()});
            }
            SegmentPlace place = segment.place();
            rows.add(new Object[] {
                id,
                document.value(),
                file.hex(),
                segment.index(),
                truncate(segment.unit(), MAX_UNIT),
                segment.source(),
                segment.text(),
                SegmentStatus.NEW.name(),
                now,
                place == null ? null : place.unit(),
                place == null ? null : place.start(),
                place == null ? null : place.end()
            });
            if (rows.size() == BATCH) {
                insertBatch(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insertBatch(rows);
        }
        for (int from = 0; from < codes.size(); from += BATCH) {
            batch.batchUpdate(
                    "INSERT INTO translation_segment_code (segment_id, code_id, code_role, data) VALUES (?, ?, ?, ?)",
                    codes.subList(from, Math.min(codes.size(), from + BATCH)));
        }
    }

    /**
     * Where the extraction's rules put each segment of a file in its text unit, by segment index; segments without a
     * stored place (the file segments itself, text from Tika, stored before places were) are absent.
     */
    Map<Integer, SegmentPlace> places(DocumentId document, Sha256 file) {
        Map<Integer, SegmentPlace> places = new HashMap<>();
        db.sql("SELECT seq, place_unit, place_start, place_end FROM translation_segment"
                        + " WHERE document_id = ? AND file_sha256 = ? AND place_unit IS NOT NULL")
                .params(document.value(), file.hex())
                .query(rs -> {
                    places.put(rs.getInt(1), new SegmentPlace(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return places;
    }

    /** The original data of the codes of a document's current segments, by segment (those with any). */
    Map<SegmentId, List<OriginalCode>> codes(DocumentId document) {
        Map<SegmentId, List<OriginalCode>> codes = new HashMap<>();
        db.sql("SELECT c.segment_id, c.code_id, c.code_role, c.data FROM translation_segment_code c"
                        + " JOIN translation_segment ON translation_segment.id = c.segment_id"
                        + " WHERE translation_segment.document_id = ?" + CURRENT)
                .param(document.value())
                .query(rs -> {
                    codes.computeIfAbsent(new SegmentId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                            .add(new OriginalCode(
                                    rs.getInt(2), OriginalCode.Role.valueOf(rs.getString(3)), rs.getString(4)));
                });
        return codes;
    }

    private void insertBatch(List<Object[]> rows) {
        batch.batchUpdate(
                "INSERT INTO translation_segment (id, document_id, file_sha256, seq, unit_id, source, plain_text,"
                        + " status, created_at, place_unit, place_start, place_end)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(
                    "invalid-page", "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        // the offset in long, refused where no document could reach it rather than sent to the database
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidInputException(
                    "invalid-page", "page " + page + " of " + size + " segments lies beyond any document.");
        }
    }

    private static Segment segment(ResultSet rs, int row) throws SQLException {
        return new Segment(
                new SegmentId(rs.getObject("id", UUID.class)),
                new DocumentId(rs.getObject("document_id", UUID.class)),
                new Sha256(rs.getString("file_sha256")),
                rs.getInt("seq"),
                rs.getString("unit_id"),
                rs.getString("source"),
                rs.getString("plain_text"),
                SegmentStatus.valueOf(rs.getString("status")));
    }

    private static FileSegmentation file(ResultSet rs, int row) throws SQLException {
        return new FileSegmentation(
                new DocumentId(rs.getObject("document_id", UUID.class)),
                new Sha256(rs.getString("file_sha256")),
                rs.getString("file_name"),
                rs.getString("media_type"),
                SegmentationState.valueOf(rs.getString("state")),
                rs.getBoolean("round_trip"),
                rs.getString("format"),
                rs.getInt("segment_count"),
                rs.getString("reason_code"),
                rs.getString("reason"),
                rs.getInt("attempts"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
