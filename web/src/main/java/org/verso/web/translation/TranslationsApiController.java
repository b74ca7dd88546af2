package org.verso.web.translation;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.accounts.AccountId;
import org.verso.accounts.Accounts;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.translation.OpenTranslations;
import org.verso.translation.QualityErrors;
import org.verso.translation.QualityReview;
import org.verso.translation.Revision;
import org.verso.translation.RevisionId;
import org.verso.translation.SegmentId;
import org.verso.translation.SegmentPage;
import org.verso.translation.SegmentStatus;
import org.verso.translation.SourceVersions;
import org.verso.translation.StaleSegment;
import org.verso.translation.TargetSegment;
import org.verso.translation.TranslatedFile;
import org.verso.translation.TranslatedOutput;
import org.verso.translation.Translation;
import org.verso.translation.TranslationClaimed;
import org.verso.translation.TranslationId;
import org.verso.translation.TranslationPage;
import org.verso.translation.TranslationQuery;
import org.verso.translation.TranslationStatus;
import org.verso.translation.Translations;
import org.verso.web.api.Problems;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.translation.WorkViews.ChangeView;
import org.verso.web.translation.WorkViews.Items;
import org.verso.web.translation.WorkViews.Names;
import org.verso.web.translation.WorkViews.PageView;
import org.verso.web.translation.WorkViews.RevisionView;
import org.verso.web.translation.WorkViews.SegmentView;
import org.verso.web.translation.WorkViews.TranslationView;

/**
 * Translation work over the API: translations, claims, segment saves with optimistic versions, review, revisions and
 * the translated file. Translators, coordinators and administrators; opening, assigning, approving and reopening are
 * for coordinators and administrators. Refusals are problem details in the user's language.
 */
@RestController
@RequestMapping("/api/translations")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class TranslationsApiController {
    private final Translations translations;
    private final TranslatedOutput output;
    private final Accounts accounts;
    private final Documents documents;
    private final MessageSource messages;
    private final QualityReview quality;
    private final SourceVersions sourceVersions;

    TranslationsApiController(
            Translations translations,
            TranslatedOutput output,
            Accounts accounts,
            Documents documents,
            MessageSource messages,
            QualityReview quality,
            SourceVersions sourceVersions) {
        this.quality = quality;
        this.sourceVersions = sourceVersions;
        this.translations = translations;
        this.output = output;
        this.accounts = accounts;
        this.documents = documents;
        this.messages = messages;
    }

    /** {@code preTranslate}: fill in the memory's exact matches as drafts (the default) or not. */
    record OpenBody(
            String document,
            List<String> targetLanguages,
            String due,
            String note,
            String assignee,
            Boolean preTranslate) {}

    record AssignBody(String assignee) {}

    record SaveBody(String target, String status, Integer version) {}

    record ReviewBody(String decision, String comment) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Open translations of a document into several languages at once")
    ResponseEntity<Items<TranslationView>> open(
            @RequestBody OpenBody body, @AuthenticationPrincipal VersoPrincipal user) {
        if (body.document() == null) {
            throw new InvalidInputException("invalid-document-id", "Name the document to translate.");
        }
        List<LanguageTag> languages = body.targetLanguages() == null
                ? List.of()
                : body.targetLanguages().stream().map(LanguageTag::of).toList();
        OpenTranslations command = new OpenTranslations(
                DocumentId.parse(body.document()),
                languages,
                date(body.due()),
                body.note(),
                body.assignee() == null ? null : AccountId.parse(body.assignee()),
                body.preTranslate() == null || body.preTranslate());
        List<Translation> opened = translations.open(command, user.id());
        Names names = names();
        var views = opened.stream()
                .map(t -> names.translation(t, translations.progress(t.id()), null))
                .toList();
        return ResponseEntity.created(URI.create("/api/translations?document=" + body.document()))
                .body(new Items<>(views));
    }

    @GetMapping
    @Operation(summary = "Translations, filtered; mine and available put due or overdue ones first")
    PageView<TranslationView> list(
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean available,
            @RequestParam(required = false) String document,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal VersoPrincipal user) {
        TranslationPage found = translations.list(new TranslationQuery(
                user.id(),
                LanguageTag.ofNullable(language),
                status == null || status.isBlank() ? null : parse(TranslationStatus.class, status, "status"),
                mine,
                available,
                document == null || document.isBlank() ? null : DocumentId.parse(document),
                page,
                size));
        Names names = names();
        var items = found.items().stream()
                .map(t -> names.translation(t, found.progress().get(t.id()), null))
                .toList();
        return PageView.of(items, page, size, found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A translation: status, claim holder and expiry, progress by status, revisions")
    TranslationView get(@PathVariable String id) {
        return view(translations.get(translationId(id)), true);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a translation (exclusive); 409 translation-claimed names the holder and until when")
    TranslationView claim(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user) {
        return view(translations.claim(translationId(id), user.id()), false);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release a claim: its holder, or a coordinator")
    TranslationView release(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user) {
        return view(translations.release(translationId(id), user.id()), false);
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Give a translation to a translator of its language, or revoke its claim (assignee null)")
    TranslationView assign(
            @PathVariable String id, @RequestBody AssignBody body, @AuthenticationPrincipal VersoPrincipal user) {
        AccountId assignee = body.assignee() == null ? null : AccountId.parse(body.assignee());
        return view(translations.assign(translationId(id), assignee, user.id()), false);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Reopen an approved translation for a new revision")
    TranslationView reopen(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user) {
        return view(translations.reopen(translationId(id), user.id()), false);
    }

    @GetMapping("/{id}/segments")
    @Operation(summary = "A page of a translation's segments in document order, file by file")
    PageView<SegmentView> segments(
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        SegmentStatus wanted =
                status == null || status.isBlank() ? null : parse(SegmentStatus.class, status, "segment-status");
        TranslationId translation = translationId(id);
        SegmentPage found = translations.segments(translation, wanted, q, page, size);
        Names names = names();
        var issues = quality.issues(translation, found.items());
        var diffs = sourceVersions.diffs(
                translation, found.items().stream().map(s -> s.id()).toList());
        Locale locale = LocaleContextHolder.getLocale();
        return PageView.of(
                found.items().stream()
                        .map(s -> names.segment(
                                s, IssueViews.of(issues.get(s.id()), names, messages, locale), diffs.get(s.id())))
                        .toList(),
                page,
                size,
                found.total());
    }

    @PutMapping("/{id}/segments/{segmentId}")
    @Operation(
            summary = "Save a segment's target from the version the edit started from",
            description = "409 stale-segment with both texts when someone saved since; 400 version-from-future;"
                    + " 400 segment-codes when the target's codes are not exactly the source's.")
    SegmentView save(
            @PathVariable String id,
            @PathVariable String segmentId,
            @RequestBody SaveBody body,
            @AuthenticationPrincipal VersoPrincipal user) {
        if (body.target() == null) {
            throw new InvalidInputException("invalid-target", "A save needs the target text (it may be empty).");
        }
        if (body.version() == null || body.version() < 0) {
            throw new InvalidInputException("invalid-version", "A save carries the version it started from.");
        }
        SegmentStatus status = body.status() == null
                ? SegmentStatus.DRAFT
                : parse(SegmentStatus.class, body.status(), "segment-status");
        TranslationId translation = translationId(id);
        TargetSegment saved = translations.save(
                translation, SegmentId.parse(segmentId), body.target(), status, body.version(), user.id());
        return withIssues(translation, saved, names().knowing(user.account()));
    }

    @GetMapping("/{id}/segments/{segmentId}/history")
    @Operation(summary = "Who wrote or decided what on a segment, when; newest first")
    Items<ChangeView> history(@PathVariable String id, @PathVariable String segmentId) {
        Names names = names();
        return new Items<>(translations.history(translationId(id), SegmentId.parse(segmentId)).stream()
                .map(names::change)
                .toList());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit for review: the holder, when every segment is translated")
    TranslationView submit(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user) {
        return view(translations.submit(translationId(id), user.id()), false);
    }

    @PostMapping("/{id}/segments/{segmentId}/review")
    @Operation(
            summary = "Approve or reject a segment: a coordinator, or a translator of the language who did not"
                    + " translate it")
    SegmentView review(
            @PathVariable String id,
            @PathVariable String segmentId,
            @RequestBody ReviewBody body,
            @AuthenticationPrincipal VersoPrincipal user) {
        String decision = body.decision() == null ? "" : body.decision().strip().toLowerCase(Locale.ROOT);
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw new InvalidInputException("invalid-decision", "A review decides approve or reject.");
        }
        return withIssues(
                translationId(id),
                translations.review(
                        translationId(id),
                        SegmentId.parse(segmentId),
                        decision.equals("approve"),
                        body.comment(),
                        user.id()));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Approve a translation whose every segment is approved: an immutable revision")
    ResponseEntity<RevisionView> approve(@PathVariable String id, @AuthenticationPrincipal VersoPrincipal user) {
        Revision revision = translations.approve(translationId(id), user.id());
        return ResponseEntity.created(URI.create("/api/translations/" + id + "/revisions"))
                .body(names().revision(revision));
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The revisions of a translation, oldest first")
    Items<RevisionView> revisions(@PathVariable String id) {
        Names names = names();
        return new Items<>(translations.revisions(translationId(id)).stream()
                .map(names::revision)
                .toList());
    }

    @GetMapping("/{id}/output")
    @Operation(
            summary = "The translated file (a ZIP for several files): of a revision, or a draft preview",
            description = "Without revision a draft preview: unfinished segments keep their source, and the answer"
                    + " says so in X-Verso-Draft. Formats that cannot round-trip come out as a new DOCX.")
    ResponseEntity<byte[]> output(@PathVariable String id, @RequestParam(required = false) String revision) {
        RevisionId wanted = revision == null || revision.isBlank() ? null : revisionId(revision);
        TranslatedFile file = output.output(translationId(id), wanted);
        String name = file.draft() ? "draft." + file.fileName() : file.fileName();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Verso-Draft", Boolean.toString(file.draft()))
                .body(file.bytes());
    }

    /** Refusals of this API in the user's language, with what a client needs to show them (holder, both texts). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e) {
        HttpStatus status = Problems.statusOf(e);
        Locale locale = LocaleContextHolder.getLocale();
        String detail = locale.getLanguage().equals("en")
                ? e.getMessage()
                : messages.getMessage("problem." + e.code(), null, e.getMessage(), locale);
        if (e instanceof QualityErrors errors && !locale.getLanguage().equals("en")) {
            detail += " "
                    + errors.segments().stream().map(s -> "#" + (s.index() + 1)).toList();
        }
        ProblemDetail problem = Problems.of(status, e.code(), detail);
        Names names = names();
        if (e instanceof TranslationClaimed claimed) {
            problem.setProperty("holder", names.person(claimed.holder()));
            problem.setProperty("until", claimed.until());
        }
        if (e instanceof QualityErrors errors) {
            problem.setProperty("segments", IssueViews.segments(errors.segments(), names, messages, locale));
        }
        if (e instanceof StaleSegment stale) {
            problem.setProperty("yours", Map.of("target", stale.yours()));
            SegmentView current = names.segment(stale.current());
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("target", current.target());
            body.put("version", current.version());
            body.put("status", current.status());
            body.put("by", current.by());
            body.put("at", current.at());
            problem.setProperty("current", body);
        }
        return Problems.response(problem);
    }

    /** A segment's answer with its quality issues (the checks run on every save) and its source's word diff. */
    private SegmentView withIssues(TranslationId translation, TargetSegment segment) {
        return withIssues(translation, segment, names());
    }

    private SegmentView withIssues(TranslationId translation, TargetSegment segment, Names names) {
        return names.segment(
                segment,
                IssueViews.of(quality.issues(translation, segment), names, messages, LocaleContextHolder.getLocale()),
                sourceVersions.diffs(translation, List.of(segment.id())).get(segment.id()));
    }

    private TranslationView view(Translation t, boolean withRevisions) {
        return names().translation(
                        t, translations.progress(t.id()), withRevisions ? translations.revisions(t.id()) : null);
    }

    private Names names() {
        return new Names(accounts, documents);
    }

    private static TranslationId translationId(String text) {
        return new TranslationId(uuid(text, "invalid-translation-id", "translation"));
    }

    private static RevisionId revisionId(String text) {
        return new RevisionId(uuid(text, "invalid-revision-id", "revision"));
    }

    private static UUID uuid(String text, String code, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(code, "not a " + what + " id: " + text);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid-due", "A due date looks like 2027-01-31: " + text);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-" + what, "not a " + what.replace('-', ' ') + ": " + text);
        }
    }
}
