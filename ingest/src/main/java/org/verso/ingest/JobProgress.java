package org.verso.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an ingest job stands, as the job page and {@code GET /api/ingest/jobs/{id}} show it.
 *
 * @param id the job's id (the batch id)
 * @param source how its files came in
 * @param status {@code queued}, {@code running}, {@code completed}, {@code failed} or {@code interrupted}
 * @param total files in the job (0 while a folder is still being listed), the files unpacked from its archives included
 * @param done files finished (ingested, duplicate, failed, or an archive unpacked)
 * @param ingested files that became or joined documents
 * @param duplicates files whose bytes were already catalogued
 * @param failed files refused
 * @param totalBytes bytes of all files, when known
 * @param doneBytes bytes of the finished files
 * @param currentFile a file being read now, or {@code null}
 * @param filesPerSecond the rate so far
 * @param secondsLeft estimated time left, or {@code null} when unknown
 * @param createdAt when the job was asked for
 * @param items the files, in order (may be limited to a window for very large jobs)
 */
public record JobProgress(
        UUID id,
        BatchSource source,
        String status,
        int total,
        int done,
        int ingested,
        int duplicates,
        int failed,
        long totalBytes,
        long doneBytes,
        String currentFile,
        double filesPerSecond,
        Long secondsLeft,
        Instant createdAt,
        List<IngestItem> items) {
    public JobProgress {
        currentFile = org.verso.library.NewFile.visible(currentFile);
    }

    public boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }

    /** Percentage of files done, 0 to 100. */
    public int percent() {
        return total == 0 ? (finished() ? 100 : 0) : (int) (100L * done / total);
    }
}
