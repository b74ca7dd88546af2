package org.verso.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads documents with their tags and files in three queries, whatever the number of documents. */
final class DocumentRows {
    private final JdbcClient db;

    DocumentRows(JdbcClient db) {
        this.db = db;
    }

    List<Document> load(String where, String orderAndLimit, Map<String, ?> params) {
        List<Row> rows = db.sql("SELECT d.id, d.title, d.kind, d.issuing_body, d.source_language, d.publication_year,"
                        + " d.created_at, d.updated_at FROM library_document d " + where + orderAndLimit)
                .params(params)
                .query(DocumentRows::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, Set<String>> tags = new HashMap<>();
        db.sql("SELECT document_id, tag FROM library_document_tag WHERE document_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>())
                            .add(rs.getString(2));
                });
        Map<UUID, List<DocumentFile>> files = new HashMap<>();
        db.sql("SELECT document_id, sha256, original_name, media_type, size_bytes, language, language_confidence,"
                        + " page_count, charset, author, text_chars, text_from_ocr, added_at FROM library_file"
                        + " WHERE document_id IN (:ids) AND superseded_by IS NULL ORDER BY document_id, file_order")
                .param("ids", ids)
                .query(rs -> {
                    files.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(file(rs));
                });
        List<Document> documents = new ArrayList<>(rows.size());
        for (Row r : rows) {
            documents.add(new Document(
                    new DocumentId(r.id()),
                    r.title(),
                    DocumentKind.valueOf(r.kind()),
                    r.issuingBody(),
                    r.sourceLanguage(),
                    r.year(),
                    tags.getOrDefault(r.id(), Set.of()),
                    files.getOrDefault(r.id(), List.of()),
                    r.createdAt(),
                    r.updatedAt()));
        }
        return documents;
    }

    void writeTags(DocumentId id, Set<String> tags) {
        for (String tag : tags) {
            db.sql("INSERT INTO library_document_tag (document_id, tag) VALUES (?, ?)")
                    .params(id.value(), tag)
                    .update();
        }
    }

    private record Row(
            UUID id,
            String title,
            String kind,
            String issuingBody,
            String sourceLanguage,
            Integer year,
            Instant createdAt,
            Instant updatedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("kind"),
                rs.getString("issuing_body"),
                rs.getString("source_language"),
                (Integer) rs.getObject("publication_year", Integer.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** The files of a document that newer versions replaced, in the order they were replaced. */
    List<SupersededFile> superseded(DocumentId id) {
        return db.sql("SELECT sha256, original_name, media_type, size_bytes, language, language_confidence,"
                        + " page_count, charset, author, text_chars, text_from_ocr, added_at, superseded_by,"
                        + " superseded_at FROM library_file WHERE document_id = ? AND superseded_by IS NOT NULL"
                        + " ORDER BY superseded_at, file_order")
                .param(id.value())
                .query((rs, n) -> new SupersededFile(
                        file(rs),
                        new Sha256(rs.getString("superseded_by")),
                        rs.getTimestamp("superseded_at").toInstant()))
                .list();
    }

    static DocumentFile file(ResultSet rs) throws SQLException {
        return new DocumentFile(
                new Sha256(rs.getString("sha256")),
                rs.getString("original_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("language"),
                rs.getObject("language_confidence", Double.class),
                rs.getObject("page_count", Integer.class),
                rs.getString("charset"),
                rs.getString("author"),
                rs.getLong("text_chars"),
                rs.getBoolean("text_from_ocr"),
                rs.getTimestamp("added_at").toInstant());
    }
}
