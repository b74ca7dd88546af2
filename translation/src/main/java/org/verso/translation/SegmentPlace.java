package org.verso.translation;

/**
 * Where a segment lies in the file it was extracted from, so that a merge can split its text unit again exactly as the
 * extraction's sentence segmentation did, without running the rules again.
 *
 * @param unit the ordinal, from 0, of the segment's text unit among the file's translatable text units in the order
 *     the format's filter reads them
 * @param start where the segment starts in the unit's content (inclusive), counted as Okapi counts its coded text: an
 *     inline code is two characters
 * @param end where it ends (exclusive); after {@code start}
 */
public record SegmentPlace(int unit, int start, int end) {
    public SegmentPlace {
        if (unit < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("not a segment's place: unit " + unit + ", " + start + "–" + end);
        }
    }
}
