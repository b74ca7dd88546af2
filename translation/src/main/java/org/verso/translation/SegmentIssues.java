package org.verso.translation;

import java.util.List;
import java.util.Objects;

/** The quality issues of one segment of a translation, with where the segment is. */
public record SegmentIssues(SegmentId segment, String fileName, int index, List<QualityIssue> issues) {
    public SegmentIssues {
        Objects.requireNonNull(segment, "segment");
        issues = List.copyOf(issues);
    }
}
