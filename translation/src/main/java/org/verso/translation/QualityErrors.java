package org.verso.translation;

import java.util.List;
import org.verso.library.ConflictException;

/**
 * A submit or an approval refused because segments still have quality errors (codes, numbers, empty targets), which
 * no one can accept: the segments and their errors come with it.
 */
public class QualityErrors extends ConflictException {
    private final transient List<SegmentIssues> segments;

    QualityErrors(List<SegmentIssues> segments) {
        super(
                "quality-errors",
                segments.size() + " segments have quality errors (inline codes, numbers or empty targets); correct"
                        + " them first: "
                        + segments.stream().map(s -> "#" + (s.index() + 1)).toList() + ".");
        this.segments = List.copyOf(segments);
    }

    /** The segments with errors, in document order, each with its errors only. */
    public List<SegmentIssues> segments() {
        return segments;
    }
}
