package org.verso.web.documents;

import java.time.Instant;
import java.util.List;
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
            boolean translatableInPlace,
            Instant addedAt,
            String download) {}

    static DocumentView of(Document d) {
        return new DocumentView(
                d.id().toString(),
                d.title(),
                d.kind().name(),
                d.issuingBody(),
                d.sourceLanguage(),
                d.year(),
                d.tags(),
                d.languages(),
                d.files().stream().map(f -> file(d, f)).toList(),
                d.createdAt(),
                d.updatedAt());
    }

    private static FileView file(Document d, DocumentFile f) {
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
                RoundTrip.inPlace(f.mediaType()),
                f.addedAt(),
                "/api/documents/" + d.id() + "/files/" + f.sha256().hex());
    }
}
