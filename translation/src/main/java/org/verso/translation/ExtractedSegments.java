package org.verso.translation;

import java.util.List;
import java.util.Objects;

/**
 * The segments of one file.
 *
 * @param segments in document order, indexed from 0
 * @param roundTrip whether a translation can be merged back into the file's own format and layout; when false the
 *     segments come from the extracted plain text and a translation will come out as a new DOCX
 * @param format a human name of the format the segments were extracted from, such as {@code DOCX} or {@code text}
 */
public record ExtractedSegments(List<ExtractedSegment> segments, boolean roundTrip, String format) {
    public ExtractedSegments {
        segments = List.copyOf(segments);
        Objects.requireNonNull(format, "format");
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "segment " + i + " has index " + segments.get(i).index());
            }
        }
    }

    public int count() {
        return segments.size();
    }
}
