package org.verso.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue: documents, their files and the text extracted from them.
 *
 * <p>Thread-safe; each method runs in a transaction (joining the caller's). {@link #correct} publishes
 * {@link DocumentChanged} inside its transaction: listen with {@code @TransactionalEventListener} to receive it after
 * the commit. Throws {@link NotFoundException} ({@code document-not-found}), {@link ConflictException}
 * ({@code file-already-catalogued}) and {@link InvalidInputException}.
 *
 * <p>A document's {@link Document#files() files} are its current ones: a file replaced by a new version
 * ({@link #replaceFile}) stays stored and is listed by {@link #supersededFiles}.
 */
@Service
public class Documents {
    private static final int STREAM_PAGE = 200;

    private final JdbcClient db;
    private final DocumentRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Documents(JdbcClient db, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.rows = new DocumentRows(db);
        this.events = events;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Catalogues an incoming file in one call: a new document made of it ({@code asNew}), or the file added to
     * {@code attachTo} when that is given, or, when the same bytes are catalogued already (also by another import that
     * wins a race for them at this moment), nothing but the answer naming their document. Publishes
     * {@link DocumentIngested} for a created or attached file, inside the transaction. The file must already be in
     * the file store. A failure undoes this call's rows only (a savepoint), never the caller's transaction. Throws
     * {@link NotFoundException} when {@code attachTo} does not exist.
     */
    @Transactional
    public Catalogued catalogue(NewFile file, NewDocument asNew, DocumentId attachTo) {
        Objects.requireNonNull(file, "file");
        Optional<Catalogued.DuplicateOf> held = holderOf(file.sha256());
        if (held.isPresent()) {
            return held.get();
        }
        Catalogued done;
        try {
            done = savepoint.execute(status -> attachTo == null
                    ? new Catalogued.Created(create(Objects.requireNonNull(asNew, "asNew"), file))
                    : new Catalogued.Attached(attach(attachTo, file)));
        } catch (ConflictException sameBytes) {
            // another import catalogued these bytes at the same moment; the savepoint undid this call's rows
            return holderOf(file.sha256()).orElseThrow(() -> sameBytes);
        }
        Document document =
                done instanceof Catalogued.Created c ? c.document() : ((Catalogued.Attached) done).document();
        events.publishEvent(new DocumentIngested(
                document.id(),
                file.sha256(),
                file.originalName(),
                file.mediaType(),
                file.language(),
                done instanceof Catalogued.Created));
        return done;
    }

    /** The document that holds these bytes, with its title, if any does. */
    @Transactional(readOnly = true)
    public Optional<Catalogued.DuplicateOf> holderOf(Sha256 file) {
        return db.sql("SELECT d.id, d.title FROM library_file f JOIN library_document d ON d.id = f.document_id"
                        + " WHERE f.sha256 = ?")
                .param(file.hex())
                .query((rs, n) ->
                        new Catalogued.DuplicateOf(new DocumentId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .optional();
    }

    /**
     * Creates a document whose first file is {@code file}; the file must already be in the file store. Returns the
     * document as {@link #find} would, without reading it back.
     */
    @Transactional
    public Document create(NewDocument document, NewFile file) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(file, "file");
        DocumentId id = DocumentId.random();
        Instant now = now();
        db.sql("INSERT INTO library_document (id, title, kind, issuing_body, source_language, publication_year,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        document.title(),
                        document.kind().name(),
                        document.issuingBody(),
                        document.sourceLanguage(),
                        document.year(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        rows.writeTags(id, document.tags());
        DocumentFile first = insertFile(id, file, now, 1);
        return new Document(
                id,
                document.title(),
                document.kind(),
                document.issuingBody(),
                document.sourceLanguage(),
                document.year(),
                document.tags(),
                List.of(first),
                now,
                now);
    }

    /** Adds a file to an existing document (a kit is four brochures). */
    @Transactional
    public Document attach(DocumentId id, NewFile file) {
        Objects.requireNonNull(file, "file");
        get(id);
        Instant now = now();
        int order = db.sql("SELECT COALESCE(MAX(file_order), 0) + 1 FROM library_file WHERE document_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
        insertFile(id, file, now, order);
        touch(id, now);
        return get(id);
    }

    /**
     * Replaces one of a document's current files by a new version, which takes its place in the document's order. The
     * old file stays stored and catalogued, superseded by the new one. Publishes {@link DocumentIngested} for the new
     * file (not a new document) and then {@link FileReplaced}, inside the transaction. The new file must already be
     * in the file store.
     *
     * @throws NotFoundException {@code document-not-found}; {@code file-not-found} when {@code old} is not a file of
     *     the document
     * @throws ConflictException {@code file-superseded} when {@code old} was replaced already;
     *     {@code same-file-version} when the new version has the same bytes; {@code file-already-catalogued} when
     *     the new bytes belong to a document already
     * @throws UnsupportedTypeException {@code different-file-kind} when the new version is not of the old one's type
     * @throws InvalidInputException {@code empty-file} when the new version has no bytes
     */
    @Transactional
    public FileReplaced replaceFile(DocumentId id, Sha256 old, NewFile next) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(next, "next");
        get(id);
        record Current(String mediaType, int order, String supersededBy) {}
        Current current = db.sql("SELECT media_type, file_order, superseded_by FROM library_file"
                        + " WHERE document_id = ? AND sha256 = ? FOR UPDATE")
                .params(id.value(), old.hex())
                .query((rs, n) -> new Current(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional()
                .orElseThrow(() ->
                        new NotFoundException("file-not-found", "The document " + id + " has no file " + old + "."));
        if (current.supersededBy() != null) {
            throw new ConflictException(
                    "file-superseded",
                    "The file " + old + " was replaced by " + current.supersededBy()
                            + " already; upload a new version of that one.");
        }
        if (next.sha256().equals(old)) {
            throw new ConflictException(
                    "same-file-version", "The new version has the same content as the file it would replace.");
        }
        if (next.size() == 0) {
            throw new InvalidInputException("empty-file", "The new version is empty.");
        }
        if (!sameKind(current.mediaType(), next.mediaType())) {
            throw new UnsupportedTypeException(
                    "different-file-kind",
                    "The new version is " + next.mediaType() + "; the file it would replace is " + current.mediaType()
                            + ". Upload a file of the same kind.");
        }
        Instant now = now();
        insertFile(id, next, now, current.order());
        db.sql("UPDATE library_file SET superseded_by = ?, superseded_at = ? WHERE sha256 = ?")
                .params(next.sha256().hex(), Timestamp.from(now), old.hex())
                .update();
        touch(id, now);
        FileReplaced replaced = new FileReplaced(id, old, next.sha256());
        events.publishEvent(
                new DocumentIngested(id, next.sha256(), next.originalName(), next.mediaType(), next.language(), false));
        events.publishEvent(replaced);
        return replaced;
    }

    /** Whether two detected types are one kind of file: the same type, its parameters (charset) left out. */
    static boolean sameKind(String a, String b) {
        return base(a).equals(base(b));
    }

    private static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The files of a document that newer versions replaced, oldest replacement first. */
    @Transactional(readOnly = true)
    public List<SupersededFile> supersededFiles(DocumentId id) {
        get(id);
        return rows.superseded(id);
    }

    /** The file that {@code file} is a new version of, if it replaced one. */
    @Transactional(readOnly = true)
    public Optional<Sha256> previousVersionOf(Sha256 file) {
        return db.sql("SELECT sha256 FROM library_file WHERE superseded_by = ?")
                .param(file.hex())
                .query((rs, n) -> new Sha256(rs.getString(1)))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Document> find(DocumentId id) {
        Objects.requireNonNull(id, "id");
        return rows.load("WHERE d.id = :id", "", java.util.Map.of("id", id.value())).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Document get(DocumentId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** A page of documents matching the query, most recently changed first. */
    @Transactional(readOnly = true)
    public DocumentPage list(DocumentQuery query) {
        var where = new StringBuilder("WHERE 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (query.text() != null) {
            int i = 0;
            for (String word : query.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                String name = "w" + i++;
                where.append(" AND (LOWER(d.title) LIKE :")
                        .append(name)
                        .append(" OR LOWER(COALESCE(d.issuing_body, '')) LIKE :")
                        .append(name)
                        .append(")");
                params.put(name, "%" + escapeLike(word) + "%");
            }
        }
        if (query.kind() != null) {
            where.append(" AND d.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.language() != null) {
            where.append(" AND (d.source_language = :lang OR EXISTS (SELECT 1 FROM library_file f"
                    + " WHERE f.document_id = d.id AND f.language = :lang AND f.superseded_by IS NULL))");
            params.put("lang", query.language());
        }
        if (query.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM library_document_tag t WHERE t.document_id = d.id"
                    + " AND t.tag = :tag)");
            params.put("tag", query.tag());
        }
        long total = db.sql("SELECT COUNT(*) FROM library_document d " + where)
                .params(params)
                .query(Long.class)
                .single();
        String page = " ORDER BY d.updated_at DESC, d.id LIMIT " + query.size() + " OFFSET "
                + ((long) query.page() * query.size());
        return new DocumentPage(rows.load(where.toString(), page, params), total, query.page(), query.size());
    }

    /** Applies a coordinator's correction and publishes {@link DocumentChanged}; an empty one changes nothing. */
    @Transactional
    public Document correct(DocumentId id, CorrectDocument correction) {
        Objects.requireNonNull(correction, "correction");
        Document current = get(id);
        if (correction.isEmpty()) {
            return current;
        }
        Document next = correction.applyTo(current, now());
        db.sql("UPDATE library_document SET title = ?, kind = ?, issuing_body = ?, source_language = ?,"
                        + " publication_year = ?, updated_at = ? WHERE id = ?")
                .params(
                        next.title(),
                        next.kind().name(),
                        next.issuingBody(),
                        next.sourceLanguage(),
                        next.year(),
                        Timestamp.from(next.updatedAt()),
                        id.value())
                .update();
        if (!next.tags().equals(current.tags())) {
            db.sql("DELETE FROM library_document_tag WHERE document_id = ?")
                    .param(id.value())
                    .update();
            rows.writeTags(id, next.tags());
        }
        events.publishEvent(new DocumentChanged(id));
        return get(id);
    }

    /** The text extracted from the document's files, in file order, separated by blank lines. */
    @Transactional(readOnly = true)
    public Optional<String> text(DocumentId id) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = db.sql(
                        "SELECT t.content FROM library_file f JOIN library_file_text t"
                                + " ON t.sha256 = f.sha256 WHERE f.document_id = ? AND f.superseded_by IS NULL ORDER BY f.file_order")
                .param(id.value())
                .query(String.class)
                .list();
        return Optional.of(String.join("\n\n", parts));
    }

    /** The text extracted from one stored file, if it belongs to a document. */
    @Transactional(readOnly = true)
    public Optional<String> fileText(Sha256 file) {
        return db.sql("SELECT content FROM library_file_text WHERE sha256 = ?")
                .param(file.hex())
                .query(String.class)
                .optional();
    }

    /** The document a stored file belongs to, if any: the same bytes are one catalogue entry. */
    @Transactional(readOnly = true)
    public Optional<DocumentId> ownerOf(Sha256 file) {
        return db.sql("SELECT document_id FROM library_file WHERE sha256 = ?")
                .param(file.hex())
                .query((rs, n) -> new DocumentId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Calls {@code action} with every document, a page at a time (flat memory), ordered by id; for index rebuilds. */
    public void forEach(Consumer<Document> action) {
        UUID after = null;
        while (true) {
            List<Document> page = after == null
                    ? rows.load("", " ORDER BY d.id LIMIT " + STREAM_PAGE, java.util.Map.of())
                    : rows.load(
                            "WHERE d.id > :after",
                            " ORDER BY d.id LIMIT " + STREAM_PAGE,
                            java.util.Map.of("after", after));
            page.forEach(action);
            if (page.size() < STREAM_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id().value();
        }
    }

    /** The ids of every document, ordered; cheap compared with {@link #forEach}. */
    @Transactional(readOnly = true)
    public List<DocumentId> ids() {
        return new ArrayList<>(db.sql("SELECT id FROM library_document ORDER BY id")
                .query((rs, n) -> new DocumentId(rs.getObject(1, UUID.class)))
                .list());
    }

    @Transactional(readOnly = true)
    public long count() {
        return db.sql("SELECT COUNT(*) FROM library_document").query(Long.class).single();
    }

    private DocumentFile insertFile(DocumentId id, NewFile file, Instant now, int order) {
        Optional<DocumentId> owner = ownerOf(file.sha256());
        if (owner.isPresent()) {
            throw new ConflictException(
                    "file-already-catalogued",
                    "The file " + file.sha256() + " already belongs to document " + owner.get() + ".");
        }
        try {
            db.sql("INSERT INTO library_file (sha256, document_id, file_order, original_name, media_type, size_bytes,"
                            + " language, language_confidence, page_count, charset, author, text_chars, text_from_ocr,"
                            + " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            file.sha256().hex(),
                            id.value(),
                            order,
                            file.originalName(),
                            file.mediaType(),
                            file.size(),
                            file.language(),
                            file.languageConfidence(),
                            file.pageCount(),
                            file.charset(),
                            file.author(),
                            (long) file.text().length(),
                            file.textFromOcr(),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // another transaction catalogued the same bytes at the same moment and committed first; no more
            // statements here: on PostgreSQL this transaction can only be rolled back now
            throw new ConflictException(
                    "file-already-catalogued",
                    "The file " + file.sha256() + " was catalogued by another import at the same moment.");
        }
        db.sql("INSERT INTO library_file_text (sha256, content) VALUES (?, ?)")
                .params(file.sha256().hex(), file.text())
                .update();
        return new DocumentFile(
                file.sha256(),
                file.originalName(),
                file.mediaType(),
                file.size(),
                file.language(),
                file.languageConfidence(),
                file.pageCount(),
                file.charset(),
                file.author(),
                file.text().length(),
                file.textFromOcr(),
                now);
    }

    /** Now, to the microsecond: what both databases keep, so a returned value equals the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void touch(DocumentId id, Instant now) {
        db.sql("UPDATE library_document SET updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id.value())
                .update();
    }

    private static NotFoundException notFound(DocumentId id) {
        return new NotFoundException("document-not-found", "No document has the id " + id + ".");
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
