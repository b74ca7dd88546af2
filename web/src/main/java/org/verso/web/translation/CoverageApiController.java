package org.verso.web.translation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.LanguageTag;
import org.verso.translation.Translation;
import org.verso.translation.TranslationId;
import org.verso.translation.Translations;

/**
 * "Is there a Russian version?": every document × language, as the original, an approved revision, work in progress
 * or nothing, filterable by kind, issuing body and language; as JSON or CSV.
 */
@RestController
@RequestMapping("/api/coverage")
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class CoverageApiController {
    private final Documents documents;
    private final Translations translations;

    CoverageApiController(Documents documents, Translations translations) {
        this.documents = documents;
        this.translations = translations;
    }

    /** One cell: {@code original}, {@code approved} (with the revision number), {@code in_progress} or {@code none}. */
    record Cell(String state, String translation, String status, Integer revision) {}

    record Row(String id, String title, String kind, String issuer, Map<String, Cell> languages) {}

    record Coverage(List<String> languages, List<Row> items) {}

    @GetMapping
    @Operation(
            summary = "Every document × language: original, approved revision, in progress or none",
            description = "kind and issuer filter the documents, language (comma-separated) picks the columns;"
                    + " without it every language of a translation or an original. format=csv for a spreadsheet.")
    ResponseEntity<?> coverage(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String format) {
        Coverage coverage = build(
                kind == null || kind.isBlank() ? null : DocumentKind.parse(kind),
                issuer == null || issuer.isBlank() ? null : issuer.strip().toLowerCase(Locale.ROOT),
                language);
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"coverage.csv\"")
                    .body(csv(coverage));
        }
        return ResponseEntity.ok(coverage);
    }

    private Coverage build(DocumentKind kind, String issuer, String language) {
        Map<DocumentId, Map<String, Translation>> byDocument = new HashMap<>();
        TreeSet<String> languages = new TreeSet<>();
        for (Translation t : translations.all()) {
            byDocument
                    .computeIfAbsent(t.document(), k -> new HashMap<>())
                    .put(t.targetLanguage().value(), t);
            languages.add(t.targetLanguage().value());
        }
        Map<TranslationId, Integer> revisions = translations.latestRevisions();
        List<Document> chosen = new ArrayList<>();
        documents.forEach(d -> {
            if ((kind == null || d.kind() == kind)
                    && (issuer == null
                            || (d.issuingBody() != null
                                    && d.issuingBody().toLowerCase(Locale.ROOT).contains(issuer)))) {
                chosen.add(d);
                String source = LanguageTag.canonicalOrNull(d.sourceLanguage());
                if (source != null) {
                    languages.add(source);
                }
            }
        });
        List<String> columns = language == null || language.isBlank()
                ? List.copyOf(languages)
                : java.util.Arrays.stream(language.split(","))
                        .map(l -> LanguageTag.of(l).value())
                        .distinct()
                        .toList();
        List<Row> rows = new ArrayList<>();
        for (Document d : chosen) {
            String source = LanguageTag.canonicalOrNull(d.sourceLanguage());
            Map<String, Translation> held = byDocument.getOrDefault(d.id(), Map.of());
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String column : columns) {
                Translation t = held.get(column);
                Cell cell;
                if (column.equals(source)) {
                    cell = new Cell("original", null, null, null);
                } else if (t == null) {
                    cell = new Cell("none", null, null, null);
                } else {
                    Integer revision = revisions.get(t.id());
                    cell = new Cell(
                            revision != null ? "approved" : "in_progress",
                            t.id().toString(),
                            WorkViews.lower(t.status()),
                            revision);
                }
                cells.put(column, cell);
            }
            rows.add(new Row(d.id().toString(), d.title(), WorkViews.lower(d.kind()), d.issuingBody(), cells));
        }
        rows.sort(java.util.Comparator.comparing(Row::title, String.CASE_INSENSITIVE_ORDER));
        return new Coverage(columns, rows);
    }

    private static String csv(Coverage coverage) {
        StringBuilder out = new StringBuilder("document,title,kind,issuer");
        coverage.languages().forEach(l -> out.append(',').append(l));
        out.append("\r\n");
        for (Row row : coverage.items()) {
            out.append(row.id())
                    .append(',')
                    .append(field(row.title()))
                    .append(',')
                    .append(row.kind())
                    .append(',')
                    .append(field(row.issuer()));
            for (String language : coverage.languages()) {
                Cell cell = row.languages().get(language);
                out.append(',').append(cell.revision() == null ? cell.state() : "approved r" + cell.revision());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** A CSV field, quoted when needed; a leading =, +, - or @ is defused for spreadsheets. */
    private static String field(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
