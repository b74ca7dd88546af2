package org.verso.web.memory;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.verso.accounts.Accounts;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.memory.Context;
import org.verso.memory.ImportReport;
import org.verso.memory.MatchQuery;
import org.verso.memory.TmxFiles;
import org.verso.memory.TranslationMemory;

/**
 * The translation memory over the API: fuzzy matches of a segment (translators, coordinators, administrators), TMX
 * import and export (coordinators and administrators).
 */
@RestController
@RequestMapping("/api/tm")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class MemoryApiController {
    static final String MANAGERS = "hasAnyRole('COORDINATOR','ADMIN')";

    private final TranslationMemory memory;
    private final TmxFiles tmx;
    private final Accounts accounts;

    MemoryApiController(TranslationMemory memory, TmxFiles tmx, Accounts accounts) {
        this.memory = memory;
        this.tmx = tmx;
        this.accounts = accounts;
    }

    /**
     * The best matches of a segment (its source in Verso's inline markup or plain text), best first; {@code previous}
     * and {@code next} (the neighbouring sources) make in-context matches (101 %) possible.
     */
    @GetMapping("/matches")
    List<MatchView> matches(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String sourceLanguage,
            @RequestParam(required = false) String targetLanguage,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String minScore,
            @RequestParam(required = false) String previous,
            @RequestParam(required = false) String next) {
        LanguageTag from = MemoryParameters.language("sourceLanguage", sourceLanguage);
        LanguageTag to = MemoryParameters.language("targetLanguage", targetLanguage);
        int max = MemoryParameters.number("limit", limit, 5, "invalid-limit");
        Integer min = minScore == null || minScore.isBlank()
                ? null
                : MemoryParameters.number("minScore", minScore, 0, "invalid-min-score");
        String context = previous == null && next == null ? null : Context.key(previous, next);
        return MatchView.of(memory.matches(new MatchQuery(source, from, to, max, min, context)), accounts);
    }

    /** Imports one or more TMX files ({@code files}) as one: all their units or nothing, with a report. */
    @PostMapping("/tmx")
    @PreAuthorize(MANAGERS)
    ImportReport importTmx(@RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return tmx.importFiles(MemoryParameters.uploads(files));
    }

    /** The memory as TMX 1.4b: all of it, one pair (either language may be left out), or one document's units. */
    @GetMapping("/tmx")
    @PreAuthorize(MANAGERS)
    void exportTmx(
            @RequestParam(required = false) String sourceLanguage,
            @RequestParam(required = false) String targetLanguage,
            @RequestParam(required = false) String document,
            HttpServletResponse response)
            throws IOException {
        LanguageTag from = MemoryParameters.optionalLanguage(sourceLanguage);
        LanguageTag to = MemoryParameters.optionalLanguage(targetLanguage);
        DocumentId doc = MemoryParameters.optionalDocument(document);
        response.setContentType("application/x-tmx+xml;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(from, to))
                        .build()
                        .toString());
        tmx.export(from, to, doc, response.getOutputStream());
    }

    static String fileName(LanguageTag from, LanguageTag to) {
        return "memory" + (from == null ? "" : "_" + from.value()) + (to == null ? "" : "-" + to.value()) + ".tmx";
    }
}
