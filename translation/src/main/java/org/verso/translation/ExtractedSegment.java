package org.verso.translation;

import java.util.List;
import java.util.Objects;

/**
 * One sentence-sized unit of a file's translatable content, as extracted.
 *
 * @param index its position among the file's segments, from 0, in document order
 * @param unit the extraction unit (a paragraph, a table cell, an XLIFF unit) it belongs to; a unit holds one or more
 *     segments
 * @param source the source text in Verso's inline markup: text escaped as in XML, formatting kept as codes
 *     ({@code <g id="1">bold</g>}, {@code <x id="2"/>}, {@code <bx id="3"/>}, {@code <ex id="3"/>})
 * @param text the plain text: {@code source} without its codes, unescaped
 * @param codes the original data of the codes in {@code source}, where the file has any (none for plain text)
 * @param place where the sentence segmentation put it in its text unit, for a merge to split the unit the same way
 *     without segmenting again; null where no rules split it (a file that segments itself, text extracted by Tika)
 */
public record ExtractedSegment(
        int index, String unit, String source, String text, List<OriginalCode> codes, SegmentPlace place) {
    /** A segment whose codes carry no original data, with no place. */
    public ExtractedSegment(int index, String unit, String source, String text) {
        this(index, unit, source, text, List.of(), null);
    }

    /** A segment with no place. */
    public ExtractedSegment(int index, String unit, String source, String text, List<OriginalCode> codes) {
        this(index, unit, source, text, codes, null);
    }

    public ExtractedSegment {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        codes = List.copyOf(codes);
    }
}
