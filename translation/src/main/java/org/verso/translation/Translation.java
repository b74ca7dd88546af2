package org.verso.translation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.library.LanguageTag;

/**
 * One document into one target language, as stored.
 *
 * @param sourceLanguage the document's language, or null when unknown
 * @param due when it should be done, or null
 * @param note the coordinator's note, or null
 * @param assignee the translator it was given to, or null
 * @param claim who holds it and until when, or null; an expired claim is still shown until someone else claims
 * @param segments how many segments it has
 * @param words how many words its source has
 */
public record Translation(
        TranslationId id,
        DocumentId document,
        LanguageTag sourceLanguage,
        LanguageTag targetLanguage,
        TranslationStatus status,
        LocalDate due,
        String note,
        AccountId assignee,
        Claim claim,
        int segments,
        int words,
        AccountId createdBy,
        Instant createdAt) {
    public Translation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The claim if it still holds at {@code now}. */
    public boolean heldBy(AccountId account, Instant now) {
        return claim != null && claim.holder().equals(account) && claim.heldAt(now);
    }

    Translation with(TranslationStatus newStatus, Claim newClaim) {
        return new Translation(
                id,
                document,
                sourceLanguage,
                targetLanguage,
                newStatus,
                due,
                note,
                assignee,
                newClaim,
                segments,
                words,
                createdBy,
                createdAt);
    }
}
