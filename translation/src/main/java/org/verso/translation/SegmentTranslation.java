package org.verso.translation;

import java.util.Objects;

/**
 * The target text of one segment, to merge back into the original file.
 *
 * @param index the segment's index among the file's segments
 * @param source the segment's source markup as extracted: the merge checks it still matches the file
 * @param target the target text in the same inline markup, using each of the source's codes exactly once
 */
public record SegmentTranslation(int index, String source, String target) {
    public SegmentTranslation {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
