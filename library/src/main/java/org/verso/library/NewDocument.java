package org.verso.library;

import java.util.Objects;
import java.util.Set;

/**
 * The catalogue entry of a document about to be created; validated like {@link Document}.
 *
 * @param title never blank, at most 500 characters
 * @param kind the kind; {@code OTHER} when unknown
 * @param issuingBody or {@code null}
 * @param sourceLanguage a BCP 47 tag, or {@code null}
 * @param year or {@code null}
 * @param tags or empty
 */
public record NewDocument(
        String title, DocumentKind kind, String issuingBody, String sourceLanguage, Integer year, Set<String> tags) {
    public NewDocument {
        title = DocumentFields.title(title);
        kind = Objects.requireNonNullElse(kind, DocumentKind.OTHER);
        issuingBody = DocumentFields.issuingBody(issuingBody);
        sourceLanguage = DocumentFields.language("sourceLanguage", sourceLanguage);
        year = DocumentFields.year(year);
        tags = DocumentFields.tags(tags);
    }
}
