package org.verso.translation;

import java.util.Locale;
import java.util.Set;
import org.verso.library.InvalidInputException;

/** Which segments an export holds. */
public enum XliffSelection {
    /** every segment */
    ALL(Set.of(SegmentStatus.values())),
    /** segments not translated yet: new, draft, or whose source changed */
    UNTRANSLATED(Set.of(SegmentStatus.NEW, SegmentStatus.DRAFT, SegmentStatus.SOURCE_CHANGED)),
    /** segments a reviewer rejected */
    REJECTED(Set.of(SegmentStatus.REJECTED));

    private final Set<SegmentStatus> statuses;

    XliffSelection(Set<SegmentStatus> statuses) {
        this.statuses = statuses;
    }

    public boolean holds(SegmentStatus status) {
        return statuses.contains(status);
    }

    /** {@code all} (also null or blank), {@code untranslated} or {@code rejected}. */
    public static XliffSelection parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "invalid-xliff-status", "Export all, untranslated or rejected segments, not " + text + ".");
        }
    }
}
