package org.verso.translation;

import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/**
 * One sentence-sized unit of a document's source text, as stored.
 *
 * @param id its identity
 * @param documentId the document it belongs to
 * @param file the stored file it was extracted from
 * @param index its position among the file's segments, from 0
 * @param unit the extraction unit (paragraph, cell, XLIFF unit) it belongs to
 * @param source the source text in Verso's inline markup, formatting kept as codes (see {@link ExtractedSegment})
 * @param text the plain text, without codes
 * @param status where it is in its translation
 */
public record Segment(
        SegmentId id,
        DocumentId documentId,
        Sha256 file,
        int index,
        String unit,
        String source,
        String text,
        SegmentStatus status) {
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(file, "file");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }
}
