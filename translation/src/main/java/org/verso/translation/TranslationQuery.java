package org.verso.translation;

import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/**
 * Which translations to list.
 *
 * @param viewer who asks (for {@code mine} and {@code available})
 * @param language only into this language, or null
 * @param status only in this status, or null
 * @param mine only those the viewer holds or was assigned, due or overdue first
 * @param available only those the viewer could claim now, in their languages, due or overdue first
 * @param document only of this document, or null
 * @param page from 1
 */
public record TranslationQuery(
        AccountId viewer,
        LanguageTag language,
        TranslationStatus status,
        boolean mine,
        boolean available,
        DocumentId document,
        int page,
        int size) {
    public static final int MAX_SIZE = 200;

    public TranslationQuery {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(
                    "invalid-page", "page starts at 1 and size lies within 1…" + MAX_SIZE + ".");
        }
    }
}
