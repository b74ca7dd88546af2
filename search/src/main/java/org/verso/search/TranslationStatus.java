package org.verso.search;

import java.util.Locale;
import org.verso.library.InvalidInputException;

/** Where a translation stands, as search indexes, filters and counts it. */
public enum TranslationStatus {
    OPEN,
    CLAIMED,
    IN_TRANSLATION,
    IN_REVIEW,
    APPROVED;

    /** The stable lower-case, dash-separated name used in the index, the API and URLs ({@code in-review}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@link #code()} (or the constant's name, in any case).
     *
     * @throws InvalidInputException ({@code invalid-translation-status}) for anything else
     */
    public static TranslationStatus parse(String text) {
        if (text != null) {
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (TranslationStatus status : values()) {
                if (status.name().equals(name)) {
                    return status;
                }
            }
        }
        throw new InvalidInputException(
                "invalid-translation-status",
                "not a translation status: " + text + " (use open, claimed, in-translation, in-review or approved)");
    }
}
