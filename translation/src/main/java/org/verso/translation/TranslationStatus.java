package org.verso.translation;

/**
 * Where a translation stands: open → claimed → in translation → in review → approved, and from approved reopened for
 * a new revision (claimable again). Review sends it back to in translation when a reviewer rejects a segment.
 */
public enum TranslationStatus {
    OPEN,
    CLAIMED,
    IN_TRANSLATION,
    IN_REVIEW,
    APPROVED,
    REOPENED;

    /** Whether a translator may claim it (an expired or released claim leaves it claimable as well). */
    boolean claimable() {
        return this == OPEN || this == REOPENED;
    }

    /** Whether the claim holder is at work on it: saves and submit are allowed. */
    boolean atWork() {
        return this == CLAIMED || this == IN_TRANSLATION;
    }
}
