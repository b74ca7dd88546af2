package org.verso.ingest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.verso.library.DocumentId;
import org.verso.library.Sha256;

/**
 * One file of an ingest batch and what became of it.
 *
 * @param id the item's id (used to retry it)
 * @param batchId the batch (job) it belongs to
 * @param seq its position in the batch, from 1
 * @param name its name, or its path relative to the imported folder
 * @param sha256 the hash of its bytes once stored, or {@code null}
 * @param size its size in bytes when known
 * @param outcome pending, ingested, duplicate or failed
 * @param reasonCode the {@link FailureReason#code()} of a failure; of an ingested file, {@code no-text} (nothing could
 *     be read from it) or {@code ocr} (its text was read by OCR); else {@code null}
 * @param reason the human reason of a failure, or what it duplicates, or the note on an ingested file
 * @param mediaType the detected type, when known
 * @param documentId the document it became part of (or duplicates), or {@code null}
 * @param millis how long it took, when finished
 * @param finishedAt when it was finished, or {@code null}
 */
public record IngestItem(
        UUID id,
        UUID batchId,
        int seq,
        String name,
        Sha256 sha256,
        Long size,
        ItemOutcome outcome,
        String reasonCode,
        String reason,
        String mediaType,
        DocumentId documentId,
        Long millis,
        Instant finishedAt) {
    /**
     * Reasons that the same bytes meet again on every attempt: an empty, oversized, encrypted, damaged or hostile file,
     * or a type Verso cannot take. A retry cannot help them; the time and memory limits, a crashed parser, a file that
     * could not be read from where it was or a document that went away may go otherwise the next time.
     */
    private static final Set<String> ALWAYS_THE_SAME = Set.of(
            FailureReason.EMPTY.code(),
            FailureReason.TOO_LARGE.code(),
            FailureReason.UNSUPPORTED_TYPE.code(),
            FailureReason.ENCRYPTED.code(),
            FailureReason.CORRUPT.code(),
            FailureReason.DECOMPRESSION_BOMB.code(),
            FailureReason.XML_EXTERNAL_ENTITY.code(),
            FailureReason.XML_ENTITY_EXPANSION.code());

    public IngestItem {
        name = org.verso.library.NewFile.visible(name);
    }

    /** Whether a retry can help this item: it failed for a reason that another attempt might not meet. */
    public boolean retryable() {
        return outcome == ItemOutcome.FAILED && !ALWAYS_THE_SAME.contains(reasonCode);
    }
}
