package org.verso.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.library.Sha256;

/**
 * The revisions of approved translations as stored: each with a copy of its segments (what gets printed), never
 * changed after it is written. The content hash is SHA-256 over each segment's file, position, source and target.
 */
class StoredRevisions implements Revisions {
    private static final String COLUMNS =
            "id, translation_id, document_id, target_language, number, approved_at, approved_by, content_sha256";

    private final JdbcClient db;

    StoredRevisions(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Optional<Revision> find(RevisionId id) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_revision WHERE id = ?")
                .param(id.value())
                .query(StoredRevisions::revision)
                .optional();
    }

    @Override
    public List<Revision> ofDocument(DocumentId document) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_revision WHERE document_id = ?"
                        + " ORDER BY target_language, number")
                .param(document.value())
                .query(StoredRevisions::revision)
                .list();
    }

    @Override
    public List<Revision> latest(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_revision ORDER BY approved_at DESC, number DESC LIMIT ?")
                .param(Math.max(0, limit))
                .query(StoredRevisions::revision)
                .list();
    }

    /** The revisions of one translation, oldest first. */
    List<Revision> of(TranslationId translation) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_revision WHERE translation_id = ? ORDER BY number")
                .param(translation.value())
                .query(StoredRevisions::revision)
                .list();
    }

    /** A revision's segments as approved, in document order. */
    List<RevisionSegment> segments(RevisionId revision) {
        return db.sql("SELECT file_sha256, seq, source, target FROM translation_revision_segment WHERE revision_id = ?"
                        + " ORDER BY position")
                .param(revision.value())
                .query((rs, n) -> new RevisionSegment(
                        new Sha256(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    record RevisionSegment(Sha256 file, int index, String source, String target) {}

    /** Writes the next revision of an approved translation; call within the approval's transaction. */
    static Revision write(JdbcClient db, Translation t, List<TargetSegment> segments, AccountId by, Instant at) {
        int number = db.sql("SELECT COALESCE(MAX(number), 0) FROM translation_revision WHERE translation_id = ?")
                        .param(t.id().value())
                        .query(Integer.class)
                        .single()
                + 1;
        Revision revision = new Revision(
                RevisionId.random(), t.id(), t.document(), t.targetLanguage(), number, at, by, hash(segments));
        db.sql("INSERT INTO translation_revision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        revision.id().value(),
                        t.id().value(),
                        t.document().value(),
                        t.targetLanguage().value(),
                        number,
                        Timestamp.from(at),
                        by.value(),
                        revision.content().hex())
                .update();
        int position = 0;
        for (TargetSegment segment : segments) {
            db.sql("INSERT INTO translation_revision_segment (revision_id, position, file_sha256, seq, source, target)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            revision.id().value(),
                            position++,
                            segment.file().hex(),
                            segment.index(),
                            segment.source(),
                            segment.target())
                    .update();
        }
        return revision;
    }

    static Sha256 hash(List<TargetSegment> segments) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TargetSegment s : segments) {
                String line = s.file().hex() + '\t' + s.index() + '\t' + s.source() + '\t' + s.target() + '\n';
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return new Sha256(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(
                new RevisionId(rs.getObject("id", UUID.class)),
                new TranslationId(rs.getObject("translation_id", UUID.class)),
                new DocumentId(rs.getObject("document_id", UUID.class)),
                LanguageTag.of(rs.getString("target_language")),
                rs.getInt("number"),
                rs.getTimestamp("approved_at").toInstant(),
                new AccountId(rs.getObject("approved_by", UUID.class)),
                new Sha256(rs.getString("content_sha256")));
    }
}
