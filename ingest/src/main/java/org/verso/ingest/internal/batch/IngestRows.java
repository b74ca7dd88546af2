package org.verso.ingest.internal.batch;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.verso.ingest.BatchSource;
import org.verso.ingest.IngestItem;
import org.verso.ingest.ItemOutcome;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/** The ingest tables: batches and their items. Callers bring the transaction. */
@Repository
public class IngestRows {
    private static final String ITEM_COLUMNS = "id, batch_id, seq, name, sha256, size_bytes, status, reason_code,"
            + " reason, media_type, document_id, millis, finished_at";

    /** A new pending item; {@code parent_id} is the archive it was unpacked from, or null. */
    private static final String INSERT_ITEM =
            "INSERT INTO ingest_item (id, batch_id, seq, source_path, name, sha256, size_bytes, status, parent_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)";

    private final JdbcClient db;
    private final JdbcTemplate batches;

    IngestRows(JdbcClient db, JdbcTemplate batches) {
        this.db = db;
        this.batches = batches;
    }

    /** A batch as stored. */
    public record Batch(
            UUID id,
            BatchSource source,
            Path folder,
            DocumentId documentId,
            String requestedBy,
            boolean listed,
            Long jobExecutionId,
            Instant createdAt,
            Instant startedAt) {}

    /** An item still to process, with where to find its bytes. */
    public record Pending(UUID id, UUID batchId, int seq, String name, Path sourcePath, Sha256 sha256, Long size) {}

    /** Counts over one batch. */
    public record Counts(
            int total,
            int done,
            int ingested,
            int duplicates,
            int failed,
            long totalBytes,
            long doneBytes,
            Instant firstFinished,
            Instant lastFinished) {}

    public void createBatch(
            UUID id, BatchSource source, Path folder, DocumentId documentId, String requestedBy, boolean listed) {
        db.sql("INSERT INTO ingest_batch (id, source, folder, document_id, requested_by, listed, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        source.name(),
                        folder == null ? null : folder.toString(),
                        documentId == null ? null : documentId.value(),
                        requestedBy,
                        listed,
                        Timestamp.from(Instant.now()))
                .update();
    }

    public UUID addItem(UUID batchId, int seq, Path sourcePath, String name, Sha256 sha256, Long size) {
        UUID id = UUID.randomUUID();
        db.sql(INSERT_ITEM)
                .params(
                        id,
                        batchId,
                        seq,
                        sourcePath == null ? null : sourcePath.toString(),
                        name,
                        sha256 == null ? null : sha256.hex(),
                        size,
                        null)
                .update();
        return id;
    }

    /** A file unpacked from an archive and stored, to become an item of the archive's batch. */
    public record Member(String name, Sha256 sha256, long size) {}

    /**
     * Adds the members of an archive item to its batch as pending items after every item there is, unless that
     * archive's members were added before (a job interrupted after unpacking it); returns how many the archive has.
     * Takes the batch's row lock, so that two archives unpacked side by side do not take the same numbers.
     */
    public int addMembers(UUID batchId, UUID archiveItemId, List<Member> members) {
        db.sql("SELECT id FROM ingest_batch WHERE id = ? FOR UPDATE")
                .param(batchId)
                .query(UUID.class)
                .optional();
        int known = db.sql("SELECT COUNT(*) FROM ingest_item WHERE parent_id = ?")
                .param(archiveItemId)
                .query(Integer.class)
                .single();
        if (known > 0) {
            return known;
        }
        int seq = db.sql("SELECT COALESCE(MAX(seq), 0) FROM ingest_item WHERE batch_id = ?")
                .param(batchId)
                .query(Integer.class)
                .single();
        List<Object[]> rows = new ArrayList<>(members.size());
        for (Member m : members) {
            rows.add(new Object[] {
                UUID.randomUUID(),
                batchId,
                ++seq,
                null,
                m.name().length() > 2000 ? m.name().substring(0, 2000) : m.name(),
                m.sha256().hex(),
                m.size(),
                archiveItemId
            });
        }
        batches.batchUpdate(INSERT_ITEM, rows); // up to 10,000 members: one round trip, not one per member
        return members.size();
    }

    public void markListed(UUID batchId) {
        db.sql("UPDATE ingest_batch SET listed = TRUE WHERE id = ?")
                .param(batchId)
                .update();
    }

    public void setExecution(UUID batchId, long executionId) {
        db.sql("UPDATE ingest_batch SET job_execution_id = ?, started_at = COALESCE(started_at, ?) WHERE id = ?")
                .params(executionId, Timestamp.from(Instant.now()), batchId)
                .update();
    }

    public Optional<Batch> batch(UUID id) {
        return db.sql("SELECT * FROM ingest_batch WHERE id = ?")
                .param(id)
                .query(IngestRows::batch)
                .optional();
    }

    /** Batches whose job may not have finished, oldest first. */
    public List<Batch> batchesWithUnfinishedItemsOrNoJob() {
        return db.sql("SELECT * FROM ingest_batch b WHERE b.job_execution_id IS NULL OR b.listed = FALSE"
                        + " OR EXISTS (SELECT 1 FROM ingest_item i WHERE i.batch_id = b.id AND i.status = 'PENDING')"
                        + " ORDER BY b.created_at")
                .query(IngestRows::batch)
                .list();
    }

    public List<Batch> recentBatches(int limit) {
        return db.sql("SELECT * FROM ingest_batch ORDER BY created_at DESC LIMIT " + limit)
                .query(IngestRows::batch)
                .list();
    }

    public List<Pending> pendingAfter(UUID batchId, int afterSeq, int limit) {
        return db.sql("SELECT id, batch_id, seq, name, source_path, sha256, size_bytes FROM ingest_item"
                        + " WHERE batch_id = ? AND status = 'PENDING' AND seq > ? ORDER BY seq LIMIT " + limit)
                .params(batchId, afterSeq)
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getObject("batch_id", UUID.class),
                        rs.getInt("seq"),
                        rs.getString("name"),
                        rs.getString("source_path") == null ? null : Path.of(rs.getString("source_path")),
                        rs.getString("sha256") == null ? null : new Sha256(rs.getString("sha256")),
                        rs.getObject("size_bytes", Long.class)))
                .list();
    }

    public void finish(
            UUID itemId,
            ItemOutcome outcome,
            String reasonCode,
            String reason,
            Sha256 sha256,
            Long size,
            String mediaType,
            DocumentId documentId,
            long millis) {
        db.sql("UPDATE ingest_item SET status = ?, reason_code = ?, reason = ?, sha256 = COALESCE(?, sha256),"
                        + " size_bytes = COALESCE(?, size_bytes), media_type = ?, document_id = ?, millis = ?,"
                        + " finished_at = ? WHERE id = ?")
                .params(
                        outcome.name(),
                        reasonCode,
                        reason == null ? null : reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason,
                        sha256 == null ? null : sha256.hex(),
                        size,
                        mediaType,
                        documentId == null ? null : documentId.value(),
                        millis,
                        Timestamp.from(Instant.now()),
                        itemId)
                .update();
    }

    public Counts counts(UUID batchId) {
        return db.sql("SELECT COUNT(*) AS total,"
                        + " COALESCE(SUM(CASE WHEN status <> 'PENDING' THEN 1 ELSE 0 END), 0) AS done,"
                        + " COALESCE(SUM(CASE WHEN status = 'INGESTED' THEN 1 ELSE 0 END), 0) AS ingested,"
                        + " COALESCE(SUM(CASE WHEN status = 'DUPLICATE' THEN 1 ELSE 0 END), 0) AS duplicates,"
                        + " COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0) AS failed,"
                        + " COALESCE(SUM(size_bytes), 0) AS total_bytes,"
                        + " COALESCE(SUM(CASE WHEN status <> 'PENDING' THEN size_bytes ELSE 0 END), 0) AS done_bytes,"
                        + " MIN(finished_at) AS first_finished, MAX(finished_at) AS last_finished"
                        + " FROM ingest_item WHERE batch_id = ?")
                .param(batchId)
                .query((rs, n) -> new Counts(
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getInt("ingested"),
                        rs.getInt("duplicates"),
                        rs.getInt("failed"),
                        rs.getLong("total_bytes"),
                        rs.getLong("done_bytes"),
                        instant(rs, "first_finished"),
                        instant(rs, "last_finished")))
                .single();
    }

    /** Those of the given items of a batch that are still pending in the database (as this transaction sees it). */
    public List<UUID> stillPending(UUID batchId, java.util.Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT id FROM ingest_item WHERE batch_id = :batch AND status = 'PENDING' AND id IN (:ids)")
                .param("batch", batchId)
                .param("ids", List.copyOf(itemIds))
                .query(UUID.class)
                .list();
    }

    /** The items of a batch in order, at most {@code limit}, failures first when there are more. */
    public List<IngestItem> items(UUID batchId, int limit) {
        return db
                .sql("SELECT " + ITEM_COLUMNS + " FROM ingest_item WHERE batch_id = ?"
                        + " ORDER BY CASE WHEN status = 'FAILED' THEN 0 ELSE 1 END, seq LIMIT " + limit)
                .param(batchId)
                .query(IngestRows::item)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingInt(IngestItem::seq))
                .toList();
    }

    public Optional<IngestItem> item(UUID id) {
        return db.sql("SELECT " + ITEM_COLUMNS + " FROM ingest_item WHERE id = ?")
                .param(id)
                .query(IngestRows::item)
                .optional();
    }

    public Optional<Path> sourcePath(UUID itemId) {
        return db.sql("SELECT source_path FROM ingest_item WHERE id = ?")
                .param(itemId)
                .query((rs, n) -> rs.getString(1) == null ? null : Path.of(rs.getString(1)))
                .optional();
    }

    /** Every ingest of the given bytes, newest first: the history of a stored file. */
    public List<IngestItem> historyOf(Sha256 sha256) {
        return db.sql("SELECT " + ITEM_COLUMNS + " FROM ingest_item WHERE sha256 = ? ORDER BY finished_at DESC")
                .param(sha256.hex())
                .query(IngestRows::item)
                .list();
    }

    /** Source paths and outcomes of a batch's finished items, for moving inbox files. */
    public List<Finished> finished(UUID batchId) {
        return db.sql("SELECT name, source_path, status, reason FROM ingest_item WHERE batch_id = ?"
                        + " AND status <> 'PENDING' AND source_path IS NOT NULL ORDER BY seq")
                .param(batchId)
                .query((rs, n) -> new Finished(
                        rs.getString("name"),
                        Path.of(rs.getString("source_path")),
                        ItemOutcome.valueOf(rs.getString("status")),
                        rs.getString("reason")))
                .list();
    }

    /** A finished item's file, for the inbox. */
    public record Finished(String name, Path sourcePath, ItemOutcome outcome, String reason) {}

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        UUID doc = rs.getObject("document_id", UUID.class);
        return new Batch(
                rs.getObject("id", UUID.class),
                BatchSource.valueOf(rs.getString("source")),
                rs.getString("folder") == null ? null : Path.of(rs.getString("folder")),
                doc == null ? null : new DocumentId(doc),
                rs.getString("requested_by"),
                rs.getBoolean("listed"),
                rs.getObject("job_execution_id", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "started_at"));
    }

    private static IngestItem item(ResultSet rs, int n) throws SQLException {
        UUID doc = rs.getObject("document_id", UUID.class);
        String sha = rs.getString("sha256");
        return new IngestItem(
                rs.getObject("id", UUID.class),
                rs.getObject("batch_id", UUID.class),
                rs.getInt("seq"),
                rs.getString("name"),
                sha == null ? null : new Sha256(sha),
                rs.getObject("size_bytes", Long.class),
                ItemOutcome.valueOf(rs.getString("status")),
                rs.getString("reason_code"),
                rs.getString("reason"),
                rs.getString("media_type"),
                doc == null ? null : new DocumentId(doc),
                rs.getObject("millis", Long.class),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
