package org.verso.ingest;

import java.util.Locale;

/** Where a file of an ingest job stands. */
public enum ItemOutcome {
    /** Not processed yet. */
    PENDING,
    /** Stored, read and catalogued: a new document or a file attached to one. */
    INGESTED,
    /** The same bytes are already in the catalogue; nothing new was created. */
    DUPLICATE,
    /** Refused, with a reason; the original is kept where it could be stored. */
    FAILED,
    /** An archive: stored, and its files added to the same job as items of their own. */
    UNPACKED;

    /**
     * The lower-case name the API uses: {@code ingested}, {@code duplicate}, {@code failed}, {@code unpacked},
     * {@code pending}.
     */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
