package org.verso.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A work in the library, as the catalogue holds it.
 *
 * @param id its identity
 * @param title the title, never blank
 * @param kind kit, charter, convention, manual, report or other
 * @param issuingBody who issued it (UN, Council of Europe, a ministry), or {@code null}
 * @param sourceLanguage the BCP 47 tag of the language it was written in, or {@code null} when unknown
 * @param year the year of publication, or {@code null}
 * @param tags lower-case tags, sorted
 * @param files its stored files in the order they were added; never empty for an ingested document
 * @param createdAt when it entered the catalogue
 * @param updatedAt when its entry last changed
 */
public record Document(
        DocumentId id,
        String title,
        DocumentKind kind,
        String issuingBody,
        String sourceLanguage,
        Integer year,
        Set<String> tags,
        List<DocumentFile> files,
        Instant createdAt,
        Instant updatedAt) {
    public Document {
        Objects.requireNonNull(id, "id");
        title = DocumentFields.title(title);
        Objects.requireNonNull(kind, "kind");
        issuingBody = DocumentFields.issuingBody(issuingBody);
        sourceLanguage = DocumentFields.language("sourceLanguage", sourceLanguage);
        year = DocumentFields.year(year);
        tags = DocumentFields.tags(tags);
        files = List.copyOf(files);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The languages of the document: its source language, then those detected in its files. */
    public Set<String> languages() {
        var all = new java.util.LinkedHashSet<String>();
        if (sourceLanguage != null) {
            all.add(sourceLanguage);
        }
        files.stream().map(DocumentFile::language).filter(Objects::nonNull).forEach(all::add);
        return all;
    }
}
