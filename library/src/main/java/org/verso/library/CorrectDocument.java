package org.verso.library;

import java.util.Set;

/**
 * A coordinator's correction of a document's catalogue entry. A {@code null} field stays as it is; a blank issuing
 * body or source language clears it; {@code clearYear} removes the year.
 */
public record CorrectDocument(
        String title,
        DocumentKind kind,
        String issuingBody,
        String sourceLanguage,
        Integer year,
        boolean clearYear,
        Set<String> tags) {
    public CorrectDocument {
        title = title == null ? null : DocumentFields.title(title);
        if (issuingBody != null) {
            DocumentFields.issuingBody(issuingBody);
        }
        if (sourceLanguage != null) {
            DocumentFields.language("sourceLanguage", sourceLanguage);
        }
        year = DocumentFields.year(year);
        if (clearYear && year != null) {
            throw DocumentFields.invalid("year", "give a year or clear it, not both");
        }
        tags = tags == null ? null : DocumentFields.tags(tags);
    }

    /** Applies the correction to a document's current entry. */
    Document applyTo(Document d, java.time.Instant now) {
        return new Document(
                d.id(),
                title != null ? title : d.title(),
                kind != null ? kind : d.kind(),
                issuingBody != null ? DocumentFields.issuingBody(issuingBody) : d.issuingBody(),
                sourceLanguage != null ? DocumentFields.language("sourceLanguage", sourceLanguage) : d.sourceLanguage(),
                clearYear ? null : year != null ? year : d.year(),
                tags != null ? tags : d.tags(),
                d.files(),
                d.createdAt(),
                now);
    }

    /** Whether this correction changes nothing. */
    public boolean isEmpty() {
        return title == null
                && kind == null
                && issuingBody == null
                && sourceLanguage == null
                && year == null
                && !clearYear
                && tags == null;
    }
}
