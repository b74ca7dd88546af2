package org.verso.translation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/**
 * A coordinator's order: translate a document into several languages at once.
 *
 * @param due when it should be done, or null
 * @param note for the translators, or null
 * @param assignee who gets it right away (a claim of theirs), or null; must translate into every language listed
 * @param preTranslate fill in the segments the translation memory holds exactly, as drafts marked "from memory"
 */
public record OpenTranslations(
        DocumentId document,
        List<LanguageTag> targetLanguages,
        LocalDate due,
        String note,
        AccountId assignee,
        boolean preTranslate) {
    public static final int MAX_NOTE = 2000;

    public OpenTranslations {
        Objects.requireNonNull(document, "document");
        if (targetLanguages == null || targetLanguages.isEmpty()) {
            throw new InvalidInputException("invalid-target-languages", "Name at least one target language.");
        }
        targetLanguages = targetLanguages.stream().distinct().toList();
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("invalid-note", "A note has at most " + MAX_NOTE + " characters.");
        }
    }

    /** With pre-translation from the memory. */
    public OpenTranslations(
            DocumentId document, List<LanguageTag> targetLanguages, LocalDate due, String note, AccountId assignee) {
        this(document, targetLanguages, due, note, assignee, true);
    }
}
