package org.verso.translation;

import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/**
 * An ingested file could not be segmented (committed). Its ingest stands; the reason is recorded.
 *
 * @param documentId the document
 * @param file the file
 * @param code a stable code of the reason, such as {@code unreadable-file}
 * @param reason the human reason
 */
public record SegmentationFailed(DocumentId documentId, Sha256 file, String code, String reason) {
    public SegmentationFailed {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
