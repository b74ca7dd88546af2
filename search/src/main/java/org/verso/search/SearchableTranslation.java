package org.verso.search;

import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.InvalidInputException;

/**
 * One translation of a document (document × target language) as search indexes it: its target text so far, linked
 * to the source document. A search that matches it shows the source document with this translation beneath.
 *
 * @param documentId the source document
 * @param language the target language as a BCP 47 tag; one translation per document and language
 * @param status where the translation stands
 * @param title the translated title, or {@code null}/blank if not translated yet
 * @param text the target text of its segments, in order ({@code ""} if none is translated yet)
 */
public record SearchableTranslation(
        DocumentId documentId, String language, TranslationStatus status, String title, String text) {
    public SearchableTranslation {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(status, "status");
        if (language == null || language.isBlank()) {
            throw new InvalidInputException("invalid-language", "a translation needs a target language");
        }
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text;
    }
}
