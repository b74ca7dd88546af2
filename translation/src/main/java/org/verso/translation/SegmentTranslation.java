package org.verso.translation;

import java.util.Objects;

/**
 * The target text of one segment, to merge back into the original file.
 *
 * @param index the segment's index among the file's segments
 * @param source the segment's source markup as extracted: the merge checks it still matches the file
 * @param target the target text in the same inline markup, using each of the source's codes exactly once
 * @param place where the extraction found the segment in the file ({@link ExtractedSegment#place()}), or null: when
 *     every translation of a merge has one, the merge splits only the units they name, at those places, instead of
 *     segmenting the whole file again
 */
public record SegmentTranslation(int index, String source, String target, SegmentPlace place) {
    /** A translation without a stored place: its merge segments the file again to find segment {@code index}. */
    public SegmentTranslation(int index, String source, String target) {
        this(index, source, target, null);
    }

    public SegmentTranslation {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** This translation with the given place (null for none). */
    public SegmentTranslation at(SegmentPlace where) {
        return new SegmentTranslation(index, source, target, where);
    }
}
