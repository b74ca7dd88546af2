package org.verso.web.documents;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.library.Document;
import org.verso.library.DocumentKind;
import org.verso.library.DocumentQuery;
import org.verso.library.Documents;
import org.verso.web.api.ApiPages;
import tools.jackson.databind.JsonNode;

/** The catalogue over the API: everyone signed in reads it; coordinators and admins correct entries. */
@RestController
@RequestMapping("/api/documents")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','LOGISTICS','ADMIN')")
class DocumentsApiController {
    private final Documents documents;
    private final OriginalDownload download;
    private final TranslationReadiness readiness;

    DocumentsApiController(Documents documents, OriginalDownload download, TranslationReadiness readiness) {
        this.documents = documents;
        this.download = download;
        this.readiness = readiness;
    }

    private DocumentView view(Document document) {
        return DocumentView.of(document, readiness.of(document.id()));
    }

    /** One page of the listing; {@code page} counts from 1, as everywhere in the API. */
    record PageView(List<DocumentView> items, long total, int page, int size, int pages) {}

    @GetMapping
    @Operation(
            summary = "Documents, most recently changed first; filter by words (q), kind, language and tag",
            description = "Pages count from 1 (page=1 is the first, as in /api/search); size 1–200.")
    PageView list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        var result = documents.list(new DocumentQuery(
                q,
                kind == null || kind.isBlank() ? null : DocumentKind.parse(kind),
                language,
                tag,
                ApiPages.zeroBased(page),
                size));
        var states = readiness.of(result.items().stream().map(Document::id).toList()); // one query for the page
        return new PageView(
                result.items().stream()
                        .map(document -> DocumentView.of(document, states.getOrDefault(document.id(), Map.of())))
                        .toList(),
                result.total(),
                page,
                result.size(),
                result.pages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A document: metadata, languages, and its files with original names and SHA-256")
    DocumentView get(@PathVariable String id) {
        return view(find(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(summary = "Correct title, kind, issuingBody, sourceLanguage, year or tags; absent fields stay")
    DocumentView correct(@PathVariable String id, @RequestBody JsonNode body) {
        Document document = find(id);
        return view(documents.correct(document.id(), DocumentPatch.read(body)));
    }

    @GetMapping("/{id}/files/{sha256}")
    @Operation(summary = "The original bytes of one of the document's files, as a download")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String sha256) {
        return download.of(id, sha256);
    }

    private Document find(String id) {
        return documents.get(OriginalDownload.documentId(id));
    }
}
