package org.verso.library;

import java.util.Locale;

/** What kind of work a document is. */
public enum DocumentKind {
    KIT,
    CHARTER,
    CONVENTION,
    MANUAL,
    REPORT,
    OTHER;

    /** Parses a kind in any case; throws {@link InvalidInputException} ({@code invalid-document-kind}). */
    public static DocumentKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(
                    "invalid-document-kind",
                    "kind must be one of KIT, CHARTER, CONVENTION, MANUAL, REPORT, OTHER, not " + text);
        }
    }
}
