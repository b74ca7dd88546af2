package org.verso.library;

/**
 * A filter and page over the catalogue. {@code null} filters match everything.
 *
 * @param text words that must occur in the title or issuing body (case-insensitive), or {@code null}
 * @param kind or {@code null}
 * @param language a BCP 47 tag matching the source language or the language of any file, or {@code null}
 * @param tag or {@code null}
 * @param page zero-based page number
 * @param size page size, 1 to {@link #MAX_SIZE}
 */
public record DocumentQuery(String text, DocumentKind kind, String language, String tag, int page, int size) {
    public static final int MAX_SIZE = 200;

    public DocumentQuery {
        text = DocumentFields.blankToNull(text);
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("invalid-query", "text: at most 200 characters");
        }
        language = DocumentFields.language("language", language);
        tag = DocumentFields.blankToNull(tag) == null ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
        if (page < 0 || page > 1_000_000) {
            throw new InvalidInputException("invalid-query", "page must be between 0 and 1000000, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(
                    "invalid-query", "size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }

    public static DocumentQuery firstPage(int size) {
        return new DocumentQuery(null, null, null, null, 0, size);
    }
}
