package org.verso.translation;

import java.time.Instant;
import java.util.Objects;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;
import org.verso.library.Sha256;

/**
 * An immutable revision of an approved translation. Editions and print runs point at revisions, never at live
 * segments.
 *
 * @param number 1 for the first approval of the translation, counting up with each later approval
 * @param content the SHA-256 of the revision's content (its segments' sources and targets in order)
 */
public record Revision(
        RevisionId id,
        TranslationId translation,
        DocumentId document,
        LanguageTag language,
        int number,
        Instant approvedAt,
        AccountId approvedBy,
        Sha256 content) {
    public Revision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(content, "content");
        if (number < 1) {
            throw new IllegalArgumentException("revision numbers start at 1: " + number);
        }
    }
}
