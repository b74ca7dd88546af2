package org.verso.web.glossary;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.verso.glossary.Glossary;
import org.verso.glossary.GlossaryFiles;
import org.verso.glossary.Term;
import org.verso.glossary.TermDraft;
import org.verso.glossary.TermId;
import org.verso.glossary.TermPage;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;
import org.verso.web.glossary.GlossaryViews.FoundItems;
import org.verso.web.glossary.GlossaryViews.FoundView;
import org.verso.web.glossary.GlossaryViews.PageView;
import org.verso.web.glossary.GlossaryViews.ReportView;
import org.verso.web.glossary.GlossaryViews.TermView;

/**
 * The glossary over the API: terms per language pair (everyone who translates reads them; coordinators and
 * administrators change them), TBX and CSV import with a report and export, and the terms found in texts (the
 * segment editor's highlighting).
 */
@RestController
@RequestMapping("/api/glossary")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class GlossaryApiController {
    private static final int MAX_TEXTS = 500;
    private static final int MAX_TEXT = 20_000;

    private final Glossary glossary;
    private final GlossaryFiles files;

    GlossaryApiController(Glossary glossary, GlossaryFiles files) {
        this.glossary = glossary;
        this.files = files;
    }

    record TermBody(
            String sourceLanguage,
            String targetLanguage,
            String sourceTerm,
            String targetTerm,
            String partOfSpeech,
            String note,
            List<String> forbidden) {}

    record FindBody(String sourceLanguage, String targetLanguage, List<String> texts) {}

    @GetMapping("/terms")
    @Operation(summary = "Terms, by source term; optionally of one language pair and containing q in either term")
    PageView list(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        TermPage found = glossary.list(LanguageTag.ofNullable(source), LanguageTag.ofNullable(target), q, page, size);
        return new PageView(
                found.items().stream().map(TermView::of).toList(),
                page,
                size,
                found.total(),
                (found.total() + size - 1) / size);
    }

    @GetMapping("/terms/{id}")
    @Operation(summary = "One term")
    TermView get(@PathVariable String id) {
        return TermView.of(glossary.get(TermId.parse(id)));
    }

    @PostMapping("/terms")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Add a term; 409 term-exists when the pair has it already")
    ResponseEntity<TermView> add(@RequestBody TermBody body) {
        Term added = glossary.add(draft(body, null));
        return ResponseEntity.created(URI.create("/api/glossary/terms/" + added.id()))
                .body(TermView.of(added));
    }

    @PatchMapping("/terms/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Change a term: the fields given replace the term's, the others stay")
    TermView change(@PathVariable String id, @RequestBody TermBody body) {
        TermId termId = TermId.parse(id);
        return TermView.of(glossary.update(termId, draft(body, glossary.get(termId))));
    }

    @DeleteMapping("/terms/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Delete a term")
    ResponseEntity<Void> delete(@PathVariable String id) {
        glossary.delete(TermId.parse(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(
            summary = "Import a TBX or CSV file, all or nothing, with a report of what was added, updated, skipped",
            description = "sourceLanguage/targetLanguage choose the pair (TBX: else the file's language and every"
                    + " other; CSV: else its language columns). Refusals: malformed-tbx, xml-entities-refused, not-tbx,"
                    + " malformed-csv, csv-missing-column, unknown-language, unsupported-glossary-format,"
                    + " glossary-file-too-large, no-file.")
    ReportView importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String sourceLanguage,
            @RequestParam(required = false) String targetLanguage) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("no-file", "Send the TBX or CSV file as the part named file.");
        }
        try (InputStream in = file.getInputStream()) {
            return ReportView.of(files.importFile(
                    file.getOriginalFilename(),
                    in,
                    LanguageTag.ofNullable(sourceLanguage),
                    LanguageTag.ofNullable(targetLanguage)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/export")
    @Operation(summary = "The glossary (or one pair: source and target) as TBX or CSV")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "tbx") String format,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target) {
        String kind = format.strip().toLowerCase(Locale.ROOT);
        LanguageTag from = LanguageTag.ofNullable(source);
        LanguageTag to = LanguageTag.ofNullable(target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        if (kind.equals("tbx")) {
            files.writeTbx(from, to, out);
            type = MediaType.parseMediaType("application/x-tbx+xml");
        } else if (kind.equals("csv")) {
            files.writeCsv(from, to, out);
            type = new MediaType("text", "csv", StandardCharsets.UTF_8);
        } else {
            throw new InvalidInputException("invalid-format", "Export as tbx or csv, not " + format + ".");
        }
        String name = "glossary" + (from == null ? "" : "." + from.value()) + (to == null ? "" : "-" + to.value()) + "."
                + kind;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    @PostMapping("/found")
    @Operation(summary = "The glossary's terms found in each of several texts of a language pair, with their place")
    FoundItems found(@RequestBody FindBody body) {
        if (body.texts() == null || body.texts().size() > MAX_TEXTS) {
            throw new InvalidInputException("invalid-texts", "Send 0 to " + MAX_TEXTS + " texts.");
        }
        LanguageTag source = LanguageTag.ofNullable(body.sourceLanguage());
        LanguageTag target = LanguageTag.ofNullable(body.targetLanguage());
        if (source == null || target == null) {
            throw new InvalidInputException("invalid-language-pair", "Name the source and the target language.");
        }
        return new FoundItems(body.texts().stream()
                .map(text -> {
                    if (text != null && text.length() > MAX_TEXT) {
                        throw new InvalidInputException(
                                "invalid-texts", "A text has at most " + MAX_TEXT + " characters.");
                    }
                    return glossary.find(text, source, target).stream()
                            .map(FoundView::of)
                            .toList();
                })
                .toList());
    }

    private static TermDraft draft(TermBody body, Term current) {
        if (body == null) {
            throw new InvalidInputException("invalid-term", "Send the term as JSON.");
        }
        TermDraft base = current == null ? null : current.draft();
        return new TermDraft(
                pick(LanguageTag.ofNullable(body.sourceLanguage()), base == null ? null : base.sourceLanguage()),
                pick(LanguageTag.ofNullable(body.targetLanguage()), base == null ? null : base.targetLanguage()),
                pick(body.sourceTerm(), base == null ? null : base.sourceTerm()),
                pick(body.targetTerm(), base == null ? null : base.targetTerm()),
                pick(body.partOfSpeech(), base == null ? null : base.partOfSpeech()),
                pick(body.note(), base == null ? null : base.note()),
                pick(body.forbidden(), base == null ? null : base.forbidden()));
    }

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }
}
