package org.verso.translation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.Account;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.library.Sha256;

/**
 * Translation work: opening translations, claims, saving segment targets with optimistic versions, submit, review and
 * approval into immutable revisions. The decisions are {@link Workflow}'s; this class loads, locks and stores.
 *
 * <p>Thread-safe. Each command runs in one transaction that first locks the translation's row, so two commands on one
 * translation run one after the other and a refused command changes nothing. Publishes {@link TranslationChanged}
 * after each change and {@link TranslationApproved} after an approval.
 */
public class Translations {
    private static final String COLUMNS = "id, document_id, source_language, target_language, status, due, note,"
            + " assignee, claim_holder, claim_until, segment_count, word_count, created_by, created_at";
    private static final String TARGET_COLUMNS = "s.id, s.file_sha256, f.file_name, s.seq, s.source, t.target,"
            + " t.status, t.version, t.translated_by, t.updated_by, t.updated_at, t.review_comment, t.prefilled_version";
    private static final String TARGET_JOIN =
            " FROM translation_target t JOIN translation_segment s ON s.id = t.segment_id"
                    + " JOIN translation_file f ON f.document_id = s.document_id AND f.file_sha256 = s.file_sha256";
    private static final String DOCUMENT_ORDER = " ORDER BY f.registered_at, f.file_sha256, s.seq";

    private final JdbcClient db;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Accounts accounts;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Workflow workflow;
    private final SegmentQuality quality;
    private final PreTranslation preTranslation;

    Translations(
            JdbcClient db,
            JdbcTemplate batch,
            PlatformTransactionManager transactions,
            Accounts accounts,
            Documents documents,
            ApplicationEventPublisher events,
            Clock clock,
            TranslationProperties properties,
            SegmentQuality quality,
            PreTranslation preTranslation) {
        this.db = Objects.requireNonNull(db, "db");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.transaction = new TransactionTemplate(transactions);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workflow = new Workflow(properties.claimExpiry());
        this.quality = Objects.requireNonNull(quality, "quality");
        this.preTranslation = preTranslation;
    }

    /** Opens one translation per target language; refuses all of them if any one is refused. */
    public List<Translation> open(OpenTranslations command, AccountId by) {
        Actor actor = actor(by);
        if (!actor.coordinator()) {
            throw Refusals.coordinatorOnly("open translations");
        }
        Document document = documents.get(command.document());
        LanguageTag source = LanguageTag.ofNullable(document.sourceLanguage());
        Actor assignee = command.assignee() == null ? null : actor(command.assignee());
        List<Translation> opened = run(() -> {
            List<String> texts = db.sql(
                            "SELECT plain_text FROM translation_segment WHERE document_id = ?" + Segments.CURRENT)
                    .param(document.id().value())
                    .query(String.class)
                    .list();
            if (texts.isEmpty()) {
                throw Refusals.noSegments();
            }
            int words = texts.stream().mapToInt(Translations::words).sum();
            List<Translation> made = new ArrayList<>();
            for (LanguageTag language : command.targetLanguages()) {
                if (language.equals(source)) {
                    throw Refusals.invalid("same-language", "The document is written in " + language + " already.");
                }
                Instant now = clock.instant();
                Translation t = new Translation(
                        TranslationId.random(),
                        document.id(),
                        source,
                        language,
                        TranslationStatus.OPEN,
                        command.due(),
                        command.note(),
                        command.assignee(),
                        null,
                        texts.size(),
                        words,
                        by,
                        now);
                if (assignee != null) {
                    t = workflow.assign(t, actor, assignee, now, false);
                }
                insert(t);
                db.sql("INSERT INTO translation_target (translation_id, segment_id, target, status, version)"
                                + " SELECT ?, id, '', 'NEW', 0 FROM translation_segment WHERE document_id = ?"
                                + Segments.CURRENT)
                        .params(t.id().value(), document.id().value())
                        .update();
                record(t, "opened", by, now, command.note());
                int prefilled = command.preTranslate() ? prefill(t, by, now) : 0;
                if (prefilled > 0) {
                    record(t, "prefilled", by, now, Integer.toString(prefilled));
                }
                made.add(t);
            }
            return made;
        });
        opened.forEach(this::changed);
        return opened;
    }

    public Translation get(TranslationId id) {
        return find(id).orElseThrow(() -> Refusals.translationNotFound(id));
    }

    public Optional<Translation> find(TranslationId id) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_work WHERE id = ?")
                .param(id.value())
                .query(Translations::translation)
                .optional();
    }

    /** Every translation of every document, by document and target language: for the coverage matrix. */
    public List<Translation> all() {
        return db.sql("SELECT " + COLUMNS + " FROM translation_work ORDER BY document_id, target_language")
                .query(Translations::translation)
                .list();
    }

    /** The number of the latest revision of each translation that has one. */
    public Map<TranslationId, Integer> latestRevisions() {
        Map<TranslationId, Integer> latest = new HashMap<>();
        db.sql("SELECT translation_id, MAX(number) FROM translation_revision GROUP BY translation_id")
                .query(rs -> {
                    latest.put(new TranslationId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return latest;
    }

    /** Every translation of a document, by target language. */
    public List<Translation> ofDocument(DocumentId document) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_work WHERE document_id = ? ORDER BY target_language")
                .param(document.value())
                .query(Translations::translation)
                .list();
    }

    public TranslationPage list(TranslationQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.language() != null) {
            where.append(" AND target_language = ?");
            params.add(query.language().value());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            params.add(query.status().name());
        }
        if (query.document() != null) {
            where.append(" AND document_id = ?");
            params.add(query.document().value());
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (query.mine()) {
            where.append(" AND ((claim_holder = ? AND claim_until > ?) OR assignee = ?)");
            params.addAll(List.of(query.viewer().value(), now, query.viewer().value()));
        }
        if (query.available()) {
            List<String> languages = actor(query.viewer()).languages().stream()
                    .map(LanguageTag::value)
                    .toList();
            if (languages.isEmpty()) {
                return new TranslationPage(List.of(), Map.of(), 0);
            }
            where.append(" AND target_language IN (")
                    .append(String.join(", ", languages.stream().map(l -> "?").toList()))
                    .append(") AND (status IN ('OPEN', 'REOPENED') OR (status IN ('CLAIMED', 'IN_TRANSLATION')")
                    .append(" AND claim_until <= ?))");
            params.addAll(languages);
            params.add(now);
        }
        String order = query.mine() || query.available()
                ? " ORDER BY CASE WHEN due IS NULL THEN 1 ELSE 0 END, due, created_at, id"
                : " ORDER BY created_at DESC, target_language, id";
        long total = db.sql("SELECT COUNT(*) FROM translation_work" + where)
                .params(params.toArray())
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(query.size());
        paged.add((long) (query.page() - 1) * query.size());
        List<Translation> items = db.sql(
                        "SELECT " + COLUMNS + " FROM translation_work" + where + order + " LIMIT ? OFFSET ?")
                .params(paged.toArray())
                .query(Translations::translation)
                .list();
        return new TranslationPage(
                items, progress(items.stream().map(Translation::id).toList()), total);
    }

    public Progress progress(TranslationId id) {
        return progress(List.of(id)).getOrDefault(id, new Progress(Map.of()));
    }

    /** The progress of several translations in one query. */
    public Map<TranslationId, Progress> progress(Collection<TranslationId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<TranslationId, Map<SegmentStatus, Integer>> counts = new HashMap<>();
        db.sql("SELECT translation_id, status, COUNT(*) FROM translation_target WHERE translation_id IN (:ids)"
                        + " GROUP BY translation_id, status")
                .param("ids", ids.stream().map(TranslationId::value).toList())
                .query(rs -> {
                    counts.computeIfAbsent(
                                    new TranslationId(rs.getObject(1, UUID.class)),
                                    k -> new EnumMap<>(SegmentStatus.class))
                            .put(SegmentStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        Map<TranslationId, Progress> progress = new HashMap<>();
        for (TranslationId id : ids) {
            progress.put(id, new Progress(counts.getOrDefault(id, Map.of())));
        }
        return progress;
    }

    public Translation claim(TranslationId id, AccountId by) {
        Actor actor = actor(by);
        return change(id, by, "claimed", t -> {
            Instant now = clock.instant();
            Translation next = workflow.claim(t, actor, now);
            // the guard repeats the decision in the statement, so two claims can never both land
            int rows = db.sql(
                            "UPDATE translation_work SET status = ?, claim_holder = ?, claim_until = ?, updated_at = ?"
                                    + " WHERE id = ? AND (claim_holder IS NULL OR claim_holder = ? OR claim_until <= ?)")
                    .params(
                            next.status().name(),
                            by.value(),
                            Timestamp.from(next.claim().until()),
                            Timestamp.from(now),
                            id.value(),
                            by.value(),
                            Timestamp.from(now))
                    .update();
            if (rows == 0) {
                Translation holder = lock(id);
                throw new TranslationClaimed(
                        holder.claim().holder(), holder.claim().until());
            }
            return next;
        });
    }

    public Translation release(TranslationId id, AccountId by) {
        Actor actor = actor(by);
        return change(id, by, "released", t -> store(workflow.release(t, actor, approvedBefore(id))));
    }

    /** Gives the translation to a translator of its language, or revokes its claim ({@code assignee} null). */
    public Translation assign(TranslationId id, AccountId assignee, AccountId by) {
        Actor actor = actor(by);
        Actor to = assignee == null ? null : actor(assignee);
        return change(id, by, assignee == null ? "revoked" : "assigned", t -> {
            Translation next = workflow.assign(t, actor, to, clock.instant(), approvedBefore(id));
            db.sql("UPDATE translation_work SET assignee = ? WHERE id = ?")
                    .params(assignee == null ? null : assignee.value(), id.value())
                    .update();
            return store(next);
        });
    }

    public Translation submit(TranslationId id, AccountId by) {
        Actor actor = actor(by);
        return change(id, by, "submitted", t -> {
            Translation next = workflow.submit(t, actor, progress(id), clock.instant());
            quality.requireNoErrors(t, allSegments(id));
            return store(next);
        });
    }

    public Translation reopen(TranslationId id, AccountId by) {
        Actor actor = actor(by);
        return change(id, by, "reopened", t -> store(workflow.reopen(t, actor)));
    }

    /** A page of the translation's segments, optionally of one status or containing {@code q} in source or target. */
    public SegmentPage segments(TranslationId id, SegmentStatus status, String q, int page, int size) {
        if (page < 1 || size < 1 || size > Segments.MAX_PAGE_SIZE) {
            throw new InvalidInputException(
                    "invalid-page", "page starts at 1 and size lies within 1…" + Segments.MAX_PAGE_SIZE + ".");
        }
        get(id);
        StringBuilder where = new StringBuilder(" WHERE t.translation_id = ?");
        List<Object> params = new ArrayList<>(List.of(id.value()));
        if (status != null) {
            where.append(" AND t.status = ?");
            params.add(status.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(s.plain_text) LIKE ? OR LOWER(t.target) LIKE ?)");
            String like = "%" + q.strip().toLowerCase().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        long total = db.sql("SELECT COUNT(*)" + TARGET_JOIN + where)
                .params(params.toArray())
                .query(Long.class)
                .single();
        params.add(size);
        params.add((long) (page - 1) * size);
        List<TargetSegment> items = db.sql(
                        "SELECT " + TARGET_COLUMNS + TARGET_JOIN + where + DOCUMENT_ORDER + " LIMIT ? OFFSET ?")
                .params(params.toArray())
                .query(targets())
                .list();
        return new SegmentPage(items, total);
    }

    /** The plain text of the translation's targets so far, segment after segment ({@code ""} when none). */
    public String targetText(TranslationId id) {
        StringBuilder text = new StringBuilder();
        db.sql("SELECT t.target" + TARGET_JOIN + " WHERE t.translation_id = ? AND t.target <> ''" + DOCUMENT_ORDER)
                .param(id.value())
                .query(rs -> {
                    text.append(org.verso.translation.internal.InlineMarkup.plainText(rs.getString(1)))
                            .append('\n');
                });
        return text.toString();
    }

    /** Every segment of the translation in document order, file by file. */
    public List<TargetSegment> allSegments(TranslationId id) {
        return db.sql("SELECT " + TARGET_COLUMNS + TARGET_JOIN + " WHERE t.translation_id = ?" + DOCUMENT_ORDER)
                .param(id.value())
                .query(targets())
                .list();
    }

    public TargetSegment segment(TranslationId id, SegmentId segment) {
        return db.sql("SELECT " + TARGET_COLUMNS + TARGET_JOIN + " WHERE t.translation_id = ? AND t.segment_id = ?")
                .params(id.value(), segment.value())
                .query(targets())
                .optional()
                .orElseThrow(() -> Refusals.segmentNotFound(segment));
    }

    /**
     * Saves a segment's target. {@code version} is the version the edit started from: an older one is refused with
     * both texts ({@link StaleSegment}), a newer one than stored ({@code version-from-future}) too.
     *
     * @param status {@code DRAFT} or {@code TRANSLATED}; editing an approved segment makes it translated again
     */
    public TargetSegment save(
            TranslationId id, SegmentId segmentId, String target, SegmentStatus status, int version, AccountId by) {
        Objects.requireNonNull(target, "target");
        SegmentStatus requested = Workflow.savedStatus(status);
        Actor actor = actor(by);
        Translation[] locked = new Translation[1];
        TargetSegment saved = run(() -> {
            Translation t = lock(id);
            locked[0] = t;
            TargetSegment current = segment(id, segmentId);
            Instant now = clock.instant();
            Translation next = workflow.save(t, actor, current.status(), now);
            if (version > current.version()) {
                throw Refusals.futureVersion(version, current.version());
            }
            if (version < current.version()) {
                throw new StaleSegment(target, current);
            }
            TargetCodes.check(current.source(), target, requested != SegmentStatus.DRAFT);
            int rows = db.sql("UPDATE translation_target SET target = ?, status = ?, version = version + 1,"
                            + " translated_by = ?, updated_by = ?, updated_at = ?, review_comment = NULL,"
                            + " previous_source = " + SourceVersions.CONFIRMED
                            + " WHERE translation_id = ? AND segment_id = ? AND version = ?")
                    .params(
                            target,
                            requested.name(),
                            by.value(),
                            by.value(),
                            Timestamp.from(now),
                            requested.name(),
                            id.value(),
                            segmentId.value(),
                            version)
                    .update();
            if (rows == 0) {
                throw new StaleSegment(target, segment(id, segmentId));
            }
            history(id, segmentId, target, requested, version + 1, by, now, null);
            renewed(t, next, by, now);
            return segment(id, segmentId);
        });
        changed(locked[0]); // the event names the translation, its document and language: no need to read it again
        return saved;
    }

    /**
     * Fills the new translation's segments that the memory holds exactly, as drafts marked "from memory" (version 1,
     * one history row each, by who opened it). A target whose inline codes do not fit its segment is left out.
     *
     * @return how many segments were filled
     */
    private int prefill(Translation t, AccountId by, Instant now) {
        if (preTranslation == null || t.sourceLanguage() == null) {
            return 0;
        }
        List<TargetSegment> segments = allSegments(t.id());
        Map<SegmentId, String> found = preTranslation.exactTargets(t, segments);
        int filled = 0;
        for (TargetSegment segment : segments) {
            String target = found.get(segment.id());
            if (target == null || target.isBlank() || !TargetCodes.fits(segment.source(), target)) {
                continue;
            }
            int rows = db.sql("UPDATE translation_target SET target = ?, status = 'DRAFT', version = 1,"
                            + " prefilled_version = 1, updated_by = ?, updated_at = ?"
                            + " WHERE translation_id = ? AND segment_id = ? AND version = 0")
                    .params(
                            target,
                            by.value(),
                            Timestamp.from(now),
                            t.id().value(),
                            segment.id().value())
                    .update();
            if (rows == 1) {
                history(t.id(), segment.id(), target, SegmentStatus.DRAFT, 1, by, now, null, "memory");
                filled++;
            }
        }
        return filled;
    }

    /** Chooses, from a translation locked for it and its current segments, the targets to save. */
    interface SavePlan<R> {
        /**
         * @param locked the translation, locked until the transaction ends
         * @param current every segment of it as stored now, in document order
         * @param saves where to add the saves to make, each from its segment's current version
         * @return what the caller wants back (an import's report)
         */
        R plan(Translation locked, List<TargetSegment> current, List<TargetBatch.TargetSave> saves);
    }

    /**
     * Saves many targets at once (an imported XLIFF file) by the rules of {@link #save}, in one transaction: the
     * translation is locked, its segments are read once, {@code plan} chooses the saves from them; the workflow and
     * the codes are checked for each save, the versioned updates and history rows are written in JDBC batches, the
     * claim is renewed once. A refusal of any save rolls everything back and is thrown. Publishes one
     * {@link TranslationChanged} when anything was saved.
     */
    <R> R saveAll(TranslationId id, AccountId by, SavePlan<R> plan) {
        Actor actor = actor(by);
        List<TargetBatch.TargetSave> saves = new ArrayList<>();
        R result = run(() -> {
            Translation t = lock(id);
            R planned = plan.plan(t, allSegments(id), saves);
            if (saves.isEmpty()) {
                return planned;
            }
            Instant now = clock.instant();
            Translation next = t;
            for (TargetBatch.TargetSave s : saves) {
                SegmentStatus requested = Workflow.savedStatus(s.status());
                next = workflow.save(t, actor, s.segment().status(), now);
                TargetCodes.check(s.segment().source(), s.target(), requested != SegmentStatus.DRAFT);
            }
            List<TargetBatch.TargetSave> stale = TargetBatch.write(batch, id, saves, by, now);
            if (!stale.isEmpty()) {
                TargetBatch.TargetSave first = stale.get(0);
                throw new StaleSegment(
                        first.target(), segment(id, first.segment().id()));
            }
            renewed(t, next, by, now);
            return planned;
        });
        if (!saves.isEmpty()) {
            changed(get(id));
        }
        return result;
    }

    /** Who wrote or decided what on a segment, newest first. */
    public List<SegmentChange> history(TranslationId id, SegmentId segment) {
        segment(id, segment);
        return db.sql(
                        "SELECT target, status, version, actor, at, review_comment, origin FROM translation_target_history"
                                + " WHERE translation_id = ? AND segment_id = ? ORDER BY at DESC, version DESC, id DESC")
                .params(id.value(), segment.value())
                .query((rs, n) -> new SegmentChange(
                        rs.getString(1),
                        SegmentStatus.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        new AccountId(rs.getObject(4, UUID.class)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        "memory".equals(rs.getString(7))))
                .list();
    }

    /** A reviewer approves or rejects one segment; a rejected one goes back to its translator with the comment. */
    public TargetSegment review(TranslationId id, SegmentId segmentId, boolean approve, String comment, AccountId by) {
        Actor actor = actor(by);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            throw Refusals.invalid("invalid-comment", "A comment has at most 2000 characters.");
        }
        if (!approve && note == null) {
            throw Refusals.invalid("comment-required", "Say why the segment is rejected.");
        }
        TargetSegment reviewed = run(() -> {
            Translation t = lock(id);
            TargetSegment current = segment(id, segmentId);
            SegmentStatus next = workflow.review(t, actor, current.translatedBy(), current.status(), approve);
            Instant now = clock.instant();
            db.sql("UPDATE translation_target SET status = ?, updated_by = ?, updated_at = ?, review_comment = ?"
                            + " WHERE translation_id = ? AND segment_id = ?")
                    .params(next.name(), by.value(), Timestamp.from(now), note, id.value(), segmentId.value())
                    .update();
            history(id, segmentId, current.target(), next, current.version(), by, now, note);
            return segment(id, segmentId);
        });
        changed(get(id));
        return reviewed;
    }

    /** A coordinator approves a translation whose every segment is approved: its new immutable revision. */
    public Revision approve(TranslationId id, AccountId by) {
        Actor actor = actor(by);
        Revision revision = run(() -> {
            Translation t = lock(id);
            Translation next = workflow.approve(t, actor, progress(id));
            quality.requireNoErrors(t, allSegments(id));
            Instant now = clock.instant();
            store(next);
            record(next, "approved", by, now, null);
            return StoredRevisions.write(db, next, allSegments(id), by, now);
        });
        changed(get(id));
        events.publishEvent(new TranslationApproved(revision));
        return revision;
    }

    /** The revisions of one translation, oldest first. */
    public List<Revision> revisions(TranslationId id) {
        get(id);
        return new StoredRevisions(db).of(id);
    }

    private boolean approvedBefore(TranslationId id) {
        return db.sql("SELECT COUNT(*) FROM translation_revision WHERE translation_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private interface Change {
        Translation apply(Translation locked);
    }

    private Translation change(TranslationId id, AccountId by, String kind, Change change) {
        Translation changed = run(() -> {
            Translation t = lock(id);
            Translation next = change.apply(t);
            record(next, kind, by, clock.instant(), null);
            return get(id);
        });
        changed(changed);
        return changed;
    }

    /** After a save: the translation's status and claim as the workflow left them, "started" when it changed. */
    private void renewed(Translation t, Translation next, AccountId by, Instant now) {
        db.sql("UPDATE translation_work SET status = ?, claim_until = ?, updated_at = ? WHERE id = ?")
                .params(next.status().name(), Timestamp.from(next.claim().until()), Timestamp.from(now), t.id().value())
                .update();
        if (next.status() != t.status()) {
            record(next, "started", by, now, null);
        }
    }

    private Translation store(Translation t) {
        db.sql("UPDATE translation_work SET status = ?, claim_holder = ?, claim_until = ?, updated_at = ? WHERE id = ?")
                .params(
                        t.status().name(),
                        t.claim() == null ? null : t.claim().holder().value(),
                        t.claim() == null ? null : Timestamp.from(t.claim().until()),
                        Timestamp.from(clock.instant()),
                        t.id().value())
                .update();
        return t;
    }

    private void insert(Translation t) {
        Instant now = t.createdAt();
        try {
            db.sql("INSERT INTO translation_work (" + COLUMNS + ", updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            t.id().value(),
                            t.document().value(),
                            t.sourceLanguage() == null
                                    ? null
                                    : t.sourceLanguage().value(),
                            t.targetLanguage().value(),
                            t.status().name(),
                            t.due() == null ? null : Date.valueOf(t.due()),
                            t.note(),
                            t.assignee() == null ? null : t.assignee().value(),
                            t.claim() == null ? null : t.claim().holder().value(),
                            t.claim() == null ? null : Timestamp.from(t.claim().until()),
                            t.segments(),
                            t.words(),
                            t.createdBy().value(),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Refusals.exists(t.targetLanguage());
        }
    }

    private void record(Translation t, String kind, AccountId by, Instant at, String detail) {
        db.sql("INSERT INTO translation_work_event (id, translation_id, kind, status, actor, at, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        t.id().value(),
                        kind,
                        t.status().name(),
                        by.value(),
                        Timestamp.from(at),
                        detail)
                .update();
    }

    private void history(
            TranslationId id,
            SegmentId segment,
            String target,
            SegmentStatus status,
            int version,
            AccountId by,
            Instant at,
            String comment) {
        history(id, segment, target, status, version, by, at, comment, null);
    }

    /** @param origin where the text came from when not from {@code by} ({@code memory}), or null */
    private void history(
            TranslationId id,
            SegmentId segment,
            String target,
            SegmentStatus status,
            int version,
            AccountId by,
            Instant at,
            String comment,
            String origin) {
        db.sql("INSERT INTO translation_target_history (translation_id, segment_id, target, status, version, actor, at,"
                        + " review_comment, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        segment.value(),
                        target,
                        status.name(),
                        version,
                        by.value(),
                        Timestamp.from(at),
                        comment,
                        origin)
                .update();
    }

    /** Every change of the translation's state: kind, status after it, who, when, oldest first. */
    public List<TranslationEvent> events(TranslationId id) {
        return db.sql("SELECT kind, status, actor, at, detail FROM translation_work_event WHERE translation_id = ?"
                        + " ORDER BY at, kind")
                .param(id.value())
                .query((rs, n) -> new TranslationEvent(
                        rs.getString(1),
                        TranslationStatus.valueOf(rs.getString(2)),
                        new AccountId(rs.getObject(3, UUID.class)),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    private Translation lock(TranslationId id) {
        return db.sql("SELECT " + COLUMNS + " FROM translation_work WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(Translations::translation)
                .optional()
                .orElseThrow(() -> Refusals.translationNotFound(id));
    }

    private Actor actor(AccountId id) {
        Account account = accounts.get(id);
        return Actor.of(account);
    }

    private <T> T run(java.util.function.Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private void changed(Translation t) {
        events.publishEvent(new TranslationChanged(t.id(), t.document(), t.targetLanguage()));
    }

    static int words(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }

    private static Translation translation(ResultSet rs, int n) throws SQLException {
        UUID holder = rs.getObject("claim_holder", UUID.class);
        UUID assignee = rs.getObject("assignee", UUID.class);
        Date due = rs.getDate("due");
        String source = rs.getString("source_language");
        return new Translation(
                new TranslationId(rs.getObject("id", UUID.class)),
                new DocumentId(rs.getObject("document_id", UUID.class)),
                source == null ? null : LanguageTag.of(source),
                LanguageTag.of(rs.getString("target_language")),
                TranslationStatus.valueOf(rs.getString("status")),
                due == null ? null : due.toLocalDate(),
                rs.getString("note"),
                assignee == null ? null : new AccountId(assignee),
                holder == null
                        ? null
                        : new Claim(
                                new AccountId(holder),
                                rs.getTimestamp("claim_until").toInstant()),
                rs.getInt("segment_count"),
                rs.getInt("word_count"),
                new AccountId(rs.getObject("created_by", UUID.class)),
                rs.getTimestamp("created_at").toInstant());
    }

    /**
     * Maps rows of {@link #TARGET_COLUMNS} by position; one query's rows share one {@link Sha256} per file (a
     * 10,000-segment translation has a handful of files, and each new one checks its hex).
     */
    private static RowMapper<TargetSegment> targets() {
        Map<String, Sha256> files = new HashMap<>();
        return (rs, n) -> {
            UUID translatedBy = rs.getObject(9, UUID.class);
            UUID by = rs.getObject(10, UUID.class);
            Timestamp at = rs.getTimestamp(11);
            int version = rs.getInt(8);
            int prefilled = rs.getInt(13);
            boolean fromMemory = !rs.wasNull() && prefilled == version;
            return new TargetSegment(
                    new SegmentId(rs.getObject(1, UUID.class)),
                    files.computeIfAbsent(rs.getString(2), Sha256::new),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getString(6),
                    SegmentStatus.valueOf(rs.getString(7)),
                    version,
                    translatedBy == null ? null : new AccountId(translatedBy),
                    by == null ? null : new AccountId(by),
                    at == null ? null : at.toInstant(),
                    rs.getString(12),
                    fromMemory);
        };
    }
}
