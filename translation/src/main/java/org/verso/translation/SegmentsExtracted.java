package org.verso.translation;

import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/**
 * The segments of an ingested file were extracted and stored (committed): the document is ready for translation.
 *
 * @param documentId the document
 * @param file the file they were extracted from
 * @param count how many segments it has
 * @param roundTrip whether a translation can be merged back into the file's own format; when false it will come out as
 *     a new DOCX
 */
public record SegmentsExtracted(DocumentId documentId, Sha256 file, int count, boolean roundTrip) {
    public SegmentsExtracted {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(file, "file");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
