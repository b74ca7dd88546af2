package org.verso.web.translation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verso.accounts.Account;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.translation.Progress;
import org.verso.translation.Revision;
import org.verso.translation.SegmentChange;
import org.verso.translation.SegmentStatus;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/** The JSON shapes of the translation-work API (see docs/translation.md), and how they are made. */
final class WorkViews {
    private WorkViews() {}

    record Person(String id, String name) {}

    record DocumentRef(String id, String title, String kind) {}

    record ClaimView(Person holder, Instant until) {}

    record TranslationView(
            String id,
            DocumentRef document,
            String sourceLanguage,
            String targetLanguage,
            String status,
            LocalDate due,
            String note,
            Person assignee,
            ClaimView claim,
            Map<String, Integer> progress,
            int words,
            int segments,
            Instant createdAt,
            List<RevisionView> revisions) {}

    record SegmentView(
            String id,
            String file,
            String fileName,
            int index,
            String source,
            String target,
            String status,
            int version,
            Person by,
            Instant at,
            String comment,
            List<IssueViews.IssueView> issues,
            List<DiffPiece> sourceDiff,
            Boolean fromMemory) {}

    /** One piece of the word-level difference of a changed source: {@code equal}, {@code insert} or {@code delete}. */
    record DiffPiece(String op, String text) {}

    /** {@code fromMemory}: the text came from the translation memory when the translation was opened (else absent). */
    record ChangeView(
            String target, String status, int version, Person by, Instant at, String comment, Boolean fromMemory) {}

    record RevisionView(
            String id, String translation, int number, Instant approvedAt, Person approvedBy, String sha256) {}

    record Items<T>(List<T> items) {}

    record PageView<T>(List<T> items, int page, int size, long total, long pages) {
        static <T> PageView<T> of(List<T> items, int page, int size, long total) {
            return new PageView<>(items, page, size, total, (total + size - 1) / size);
        }
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Integer> progress(Progress progress) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SegmentStatus status : SegmentStatus.values()) {
            counts.put(lower(status), progress.of(status));
        }
        counts.put("total", progress.total());
        return counts;
    }

    /** Names of people and documents, each looked up once per answer. */
    static final class Names {
        private final Accounts accounts;
        private final Documents documents;
        private final Map<AccountId, Person> people = new HashMap<>();
        private final Map<DocumentId, DocumentRef> docs = new HashMap<>();

        Names(Accounts accounts, Documents documents) {
            this.accounts = accounts;
            this.documents = documents;
        }

        /**
         * These names knowing one account already (the signed-in user's, read for this request): the answer to a
         * user's own save names them without reading their account a second time.
         */
        Names knowing(Account account) {
            people.put(account.id(), new Person(account.id().toString(), name(account)));
            return this;
        }

        Person person(AccountId id) {
            if (id == null) {
                return null;
            }
            return people.computeIfAbsent(id, k -> accounts.find(k)
                    .map(a -> new Person(a.id().toString(), name(a)))
                    .orElse(new Person(k.toString(), k.toString())));
        }

        DocumentRef document(DocumentId id) {
            return docs.computeIfAbsent(
                    id, k -> documents.find(k).map(d -> ref(d)).orElse(new DocumentRef(k.toString(), "", "other")));
        }

        TranslationView translation(Translation t, Progress progress, List<Revision> revisions) {
            return new TranslationView(
                    t.id().toString(),
                    document(t.document()),
                    t.sourceLanguage() == null ? null : t.sourceLanguage().value(),
                    t.targetLanguage().value(),
                    lower(t.status()),
                    t.due(),
                    t.note(),
                    person(t.assignee()),
                    t.claim() == null
                            ? null
                            : new ClaimView(
                                    person(t.claim().holder()), t.claim().until()),
                    WorkViews.progress(progress),
                    t.words(),
                    t.segments(),
                    t.createdAt(),
                    revisions == null
                            ? null
                            : revisions.stream().map(this::revision).toList());
        }

        SegmentView segment(TargetSegment s) {
            return segment(s, List.of(), null);
        }

        /**
         * With its quality issues and the word-level difference of its source, for a segment whose source changed
         * (else {@code null}).
         */
        SegmentView segment(
                TargetSegment s, List<IssueViews.IssueView> issues, List<org.verso.translation.SourceDiff.Piece> diff) {
            return new SegmentView(
                    s.id().toString(),
                    s.file().hex(),
                    s.fileName(),
                    s.index(),
                    s.source(),
                    s.target(),
                    lower(s.status()),
                    s.version(),
                    person(s.by()),
                    s.at(),
                    s.comment(),
                    issues,
                    diff == null
                            ? null
                            : diff.stream()
                                    .map(p -> new DiffPiece(p.op().name().toLowerCase(Locale.ROOT), p.text()))
                                    .toList(),
                    s.fromMemory() ? Boolean.TRUE : null);
        }

        ChangeView change(SegmentChange c) {
            return new ChangeView(
                    c.target(),
                    lower(c.status()),
                    c.version(),
                    person(c.by()),
                    c.at(),
                    c.comment(),
                    c.fromMemory() ? Boolean.TRUE : null);
        }

        RevisionView revision(Revision r) {
            return new RevisionView(
                    r.id().toString(),
                    r.translation().toString(),
                    r.number(),
                    r.approvedAt(),
                    person(r.approvedBy()),
                    r.content().hex());
        }

        private static String name(Account a) {
            return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
        }

        private static DocumentRef ref(Document d) {
            return new DocumentRef(d.id().toString(), d.title(), lower(d.kind()));
        }
    }
}
