package org.verso.memory;

import java.time.Instant;
import java.util.Objects;
import org.verso.accounts.AccountId;
import org.verso.library.DocumentId;
import org.verso.translation.RevisionId;

/**
 * Where a unit came from and when.
 *
 * @param document the document whose approved revision held it, or null (imported)
 * @param revision that revision, or null
 * @param translator who translated it here, or null
 * @param translatorName the translator's name as a TMX file gives it ({@code creationid}), or null
 * @param date when it was approved or (from the TMX) last changed
 * @param note the TMX file name an imported unit came from, or null
 */
public record Provenance(
        Origin origin,
        DocumentId document,
        RevisionId revision,
        AccountId translator,
        String translatorName,
        Instant date,
        String note) {
    public Provenance {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(date, "date");
    }
}
