package org.verso.translation;

import java.time.Instant;
import java.util.Objects;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/**
 * The segmentation of one ingested file.
 *
 * @param documentId the document the file belongs to
 * @param file the stored file
 * @param fileName its original name, for display
 * @param mediaType its type as detected at ingest
 * @param state pending, segmented or failed
 * @param roundTrip whether a translation can be merged back into the file's own format and layout; when false a
 *     translation will come out as a new DOCX
 * @param format the format the segments came from ({@code DOCX}, {@code HTML}, {@code text}…), or null while pending
 *     or failed
 * @param segmentCount how many segments are stored
 * @param reasonCode a stable code of why it failed ({@code unreadable-file}, {@code segmentation-timed-out}…), or
 *     null
 * @param reason a human reason why it failed, or null
 * @param attempts how many times segmentation was tried
 * @param updatedAt when the state last changed
 */
public record FileSegmentation(
        DocumentId documentId,
        Sha256 file,
        String fileName,
        String mediaType,
        SegmentationState state,
        boolean roundTrip,
        String format,
        int segmentCount,
        String reasonCode,
        String reason,
        int attempts,
        Instant updatedAt) {
    public FileSegmentation {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
