package org.verso.translation;

/** Where a segment is in its translation: every segment starts {@link #NEW}. */
public enum SegmentStatus {
    NEW,
    DRAFT,
    TRANSLATED,
    APPROVED,
    REJECTED
}
