package org.verso.web.translation;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.verso.library.InvalidInputException;
import org.verso.translation.OfflineWork;
import org.verso.translation.TranslatedFile;
import org.verso.translation.TranslationId;
import org.verso.translation.XliffImport;
import org.verso.translation.XliffSelection;
import org.verso.translation.XliffVersion;
import org.verso.web.security.VersoPrincipal;

/**
 * Offline translation over the API: XLIFF 1.2/2.0 out (the holder of the claim or a coordinator), the offline package
 * (ZIP with the XLIFF and a README in the user's language), and the translated XLIFF back in (the holder only), which
 * answers a report unit by unit. The same under {@code /translations/…} for the translation page (its session and
 * CSRF token; the import there is {@code xliff.json}). Refusals are problem details (ApiProblems), with {@code line}, {@code column} and
 * {@code unit} where the file has a place for them.
 */
@RestController
@PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
class XliffApiController {
    private final OfflineWork offline;

    XliffApiController(OfflineWork offline) {
        this.offline = offline;
    }

    /** The report of an import: counts, then each unit's outcome. */
    record ImportView(
            String translation,
            String version,
            long updated,
            long unchanged,
            long conflicts,
            long rejected,
            List<UnitView> units) {
        static ImportView of(XliffImport report) {
            return new ImportView(
                    report.translation().value().toString(),
                    report.version(),
                    report.count(XliffImport.Outcome.UPDATED),
                    report.count(XliffImport.Outcome.UNCHANGED),
                    report.count(XliffImport.Outcome.CONFLICT),
                    report.count(XliffImport.Outcome.REJECTED),
                    report.units().stream().map(UnitView::of).toList());
        }
    }

    record UnitView(
            String unit, String segment, int line, String outcome, String status, String reason, String detail) {
        static UnitView of(XliffImport.UnitOutcome u) {
            return new UnitView(
                    u.unit(),
                    u.segment() == null ? null : u.segment().value().toString(),
                    u.line(),
                    u.outcome().name().toLowerCase(Locale.ROOT),
                    u.status() == null ? null : u.status().name().toLowerCase(Locale.ROOT),
                    u.reason(),
                    u.detail());
        }
    }

    @GetMapping({"/api/translations/{id}/xliff", "/translations/{id}/xliff"})
    @Operation(summary = "The translation as XLIFF 1.2 or 2.0, all segments or only the untranslated or rejected ones")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String status,
            @AuthenticationPrincipal VersoPrincipal user) {
        TranslatedFile file =
                offline.export(translationId(id), XliffVersion.parse(version), XliffSelection.parse(status), user.id());
        return download(file);
    }

    @GetMapping({"/api/translations/{id}/package", "/translations/{id}/package"})
    @Operation(summary = "The offline package: a ZIP with the XLIFF, a README on OmegaT and what other modules add")
    ResponseEntity<byte[]> offlinePackage(
            @PathVariable String id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String status,
            @AuthenticationPrincipal VersoPrincipal user) {
        TranslatedFile file = offline.offlinePackage(
                translationId(id),
                XliffVersion.parse(version),
                XliffSelection.parse(status),
                LocaleContextHolder.getLocale(),
                user.id());
        return download(file);
    }

    @PostMapping({"/api/translations/{id}/xliff", "/translations/{id}/xliff.json"})
    @Operation(summary = "Import a translated XLIFF (part 'file'); answers the outcome of every unit")
    ResponseEntity<ImportView> importXliff(
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal VersoPrincipal user) {
        TranslationId translation = translationId(id);
        if (file == null) {
            throw new InvalidInputException("xliff-missing", "Upload the XLIFF file as the part named 'file'.");
        }
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.ok(ImportView.of(offline.importXliff(translation, in, file.getSize(), user.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> download(TranslatedFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.bytes());
    }

    private static TranslationId translationId(String text) {
        try {
            return new TranslationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-translation-id", "not a translation id: " + text);
        }
    }
}
