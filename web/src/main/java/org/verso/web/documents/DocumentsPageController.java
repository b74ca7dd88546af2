package org.verso.web.documents;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.library.CorrectDocument;
import org.verso.library.Document;
import org.verso.library.DocumentFile;
import org.verso.library.DocumentId;
import org.verso.library.DocumentKind;
import org.verso.library.DocumentQuery;
import org.verso.library.Documents;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;
import org.verso.library.NotFoundException;
import org.verso.web.shell.NavItem;
import org.verso.web.shell.PageErrors;

/** The document list and the document page (metadata, files, text preview, ingest history). */
@Controller
@RequestMapping("/documents")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','LOGISTICS','ADMIN')")
class DocumentsPageController {
    static final int PREVIEW_CHARS = 5000;

    private final Documents documents;
    private final IngestJobs jobs;
    private final TranslationReadiness readiness;
    private final OriginalDownload download;
    private final PageErrors errors;

    DocumentsPageController(
            Documents documents,
            IngestJobs jobs,
            TranslationReadiness readiness,
            OriginalDownload download,
            PageErrors errors) {
        this.errors = errors;
        this.documents = documents;
        this.jobs = jobs;
        this.readiness = readiness;
        this.download = download;
    }

    @Bean
    static NavItem documentsNav() {
        return new NavItem("nav.documents", "/documents", 100, Set.of());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("language", language);
        try {
            model.addAttribute(
                    "result",
                    documents.list(new DocumentQuery(
                            q,
                            kind == null || kind.isBlank() ? null : DocumentKind.parse(kind),
                            language,
                            null,
                            Math.max(0, page),
                            25)));
        } catch (InvalidInputException e) {
            model.addAttribute("error", errors.say(e));
            model.addAttribute("result", documents.list(DocumentQuery.firstPage(25)));
        }
        return "documents/list";
    }

    @GetMapping("/{id}")
    String document(@PathVariable String id, org.springframework.security.core.Authentication who, Model model) {
        Document document = find(id);
        // each role sees only what it may open: the ingest pages and the segments are not for every role
        boolean coordinates = holds(who, "ROLE_COORDINATOR", "ROLE_ADMIN");
        model.addAttribute("canEdit", coordinates);
        model.addAttribute("canSeeIngest", coordinates);
        model.addAttribute("canSeeSegments", holds(who, "ROLE_TRANSLATOR", "ROLE_COORDINATOR", "ROLE_ADMIN"));
        Map<String, List<IngestItem>> history = new LinkedHashMap<>();
        for (DocumentFile file : document.files()) {
            history.put(file.sha256().hex(), coordinates ? jobs.historyOf(file.sha256()) : List.of());
        }
        String text = documents.text(document.id()).orElse("");
        model.addAttribute("doc", document);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("history", history);
        model.addAttribute("preview", text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text);
        model.addAttribute("previewCut", text.length() > PREVIEW_CHARS);
        // the note that a translation comes out as a new DOCX is the segments section's (translation/segments.html),
        // shown once for the document; here each file only says how it stands
        model.addAttribute("translation", readiness.of(document.id()));
        return "documents/document";
    }

    /** The original of a file, for the link on the document page: the session signs it in, not HTTP Basic. */
    @GetMapping("/{id}/files/{sha256}")
    ResponseEntity<InputStreamResource> original(@PathVariable String id, @PathVariable String sha256) {
        return download.of(id, sha256);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    String correct(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "OTHER") String kind,
            @RequestParam(defaultValue = "") String issuingBody,
            @RequestParam(defaultValue = "") String sourceLanguage,
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String tags,
            RedirectAttributes redirect) {
        Document document = find(id);
        try {
            Integer parsedYear = null;
            if (!year.isBlank()) {
                try {
                    parsedYear = Integer.valueOf(year.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("invalid-document", "year: a whole number such as 1998");
                }
            }
            documents.correct(
                    document.id(),
                    new CorrectDocument(
                            title,
                            DocumentKind.parse(kind),
                            issuingBody,
                            sourceLanguage,
                            parsedYear,
                            parsedYear == null,
                            Arrays.stream(tags.split(",")).collect(Collectors.toSet())));
            redirect.addFlashAttribute("done", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
        }
        return "redirect:/documents/" + document.id();
    }

    private static boolean holds(org.springframework.security.core.Authentication who, String... authorities) {
        Set<String> wanted = Set.of(authorities);
        return who.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }

    private Document find(String id) {
        try {
            return documents.get(DocumentId.parse(id));
        } catch (InvalidInputException e) {
            throw new NotFoundException("document-not-found", "No document has the id " + id + ".");
        }
    }
}
