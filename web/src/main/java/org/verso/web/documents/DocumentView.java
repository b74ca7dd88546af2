package org.verso.web.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verso.library.Document;
import org.verso.library.DocumentFile;

/** A document as the API shows it: metadata, languages and its files with their original names and SHA-256. */
record DocumentView(
        String id,
        String title,
        String kind,
        String issuingBody,
        String sourceLanguage,
        Integer year,
        Set<String> tags,
        Set<String> languages,
        List<FileView> files,
        Instant createdAt,
        Instant updatedAt) {

    record FileView(
            String sha256,
            String originalName,
            String mediaType,
            long size,
            String language,
            Double languageConfidence,
            Integer pageCount,
            String charset,
            String author,
            long textLength,
            boolean textFromOcr,
            Boolean translatableInPlace,
            Instant addedAt,
            String download) {}

    /**
     * @param readiness the translation state of each file by SHA-256 (hex), from {@link TranslationReadiness}; a file
     *     that is not segmented yet (or could not be) has {@code translatableInPlace == null}
     */
    static DocumentView of(Document d, Map<String, TranslationReadiness.State> readiness) {
        return new DocumentView(
                d.id().toString(),
                d.title(),
                org.verso.web.api.ApiPages.apiName(d.kind()),
                d.issuingBody(),
                d.sourceLanguage(),
                d.year(),
                d.tags(),
                d.languages(),
                d.files().stream()
                        .map(f -> file(d, f, readiness.get(f.sha256().hex())))
                        .toList(),
                d.createdAt(),
                d.updatedAt());
    }

    private static FileView file(Document d, DocumentFile f, TranslationReadiness.State state) {
        return new FileView(
                f.sha256().hex(),
                f.originalName(),
                f.mediaType(),
                f.size(),
                f.language(),
                f.languageConfidence(),
                f.pageCount(),
                f.charset(),
                f.author(),
                f.textLength(),
                f.textFromOcr(),
                state == null ? null : state.inPlace(),
                f.addedAt(),
                "/api/documents/" + d.id() + "/files/" + f.sha256().hex());
    }
}
