package org.verso.search;

import java.util.List;
import java.util.Objects;
import org.verso.library.DocumentId;

/**
 * A document of the catalogue as search indexes it: its metadata and the text extracted from its files. Handed to
 * {@link LibraryIndex#index(SearchableDocument)}; replaces whatever the index held for the same document, keeping its
 * translations.
 *
 * @param documentId the document
 * @param title its title (blank titles are indexed as {@code ""})
 * @param kind kit, charter, convention, manual, report, other… or {@code null} if not catalogued yet
 * @param issuingBody UN, Council of Europe, a ministry… or {@code null}
 * @param language source language as a BCP 47 tag ({@code ru}, {@code en-GB}), or {@code null} if unknown; its
 *     primary subtag chooses the analysis
 * @param year year of adoption or publication, or {@code null}
 * @param tags free tags, never {@code null}
 * @param files the stored files, never {@code null}
 * @param text the extracted text of all files, in reading order ({@code ""} if nothing could be extracted)
 */
public record SearchableDocument(
        DocumentId documentId,
        String title,
        String kind,
        String issuingBody,
        String language,
        Integer year,
        List<String> tags,
        List<SearchableFile> files,
        String text) {
    public SearchableDocument {
        Objects.requireNonNull(documentId, "documentId");
        title = title == null ? "" : title.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
        files = files == null ? List.of() : List.copyOf(files);
        text = text == null ? "" : text;
    }
}
