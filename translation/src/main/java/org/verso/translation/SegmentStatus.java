package org.verso.translation;

/** Where a segment is in its translation: every segment starts {@link #NEW}. */
public enum SegmentStatus {
    NEW,
    DRAFT,
    TRANSLATED,
    APPROVED,
    REJECTED,
    /** the source changed under an existing translation, which is kept as a starting point */
    SOURCE_CHANGED
}
