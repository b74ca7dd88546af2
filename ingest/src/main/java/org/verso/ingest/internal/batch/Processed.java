package org.verso.ingest.internal.batch;

import org.verso.ingest.Extraction;
import org.verso.library.Sha256;

/**
 * An item after storage and extraction, before it is catalogued.
 *
 * @param item the item
 * @param sha256 the stored bytes, or {@code null} when they could not be stored
 * @param size their size
 * @param extraction what was read from them (or why not)
 * @param millis time spent so far
 * @param members for an unpacked archive, how many of its files are items of the batch now; 0 otherwise
 */
record Processed(IngestRows.Pending item, Sha256 sha256, Long size, Extraction extraction, long millis, int members) {
    Processed(IngestRows.Pending item, Sha256 sha256, Long size, Extraction extraction, long millis) {
        this(item, sha256, size, extraction, millis, 0);
    }
}
