package org.verso.search;

import java.util.Locale;
import org.verso.library.InvalidInputException;

/** How hits are ordered. */
public enum SortOrder {
    /** Best match first. */
    RELEVANCE,
    /** Newest document (by year) first; documents without a year last. */
    DATE,
    /** By title, A to Z in the Unicode root collation. */
    TITLE;

    /** Parses {@code relevance}, {@code date} or {@code title} (any case); blank means relevance. */
    public static SortOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "invalid-sort", "unknown sort: " + text + " (use relevance, date or title)");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
