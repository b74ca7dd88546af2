package org.verso.library;

import java.time.Instant;
import java.util.Objects;

/**
 * A file of a document replaced by a newer version: still stored and downloadable, no longer one of the document's
 * current files.
 *
 * @param file the old file as it was catalogued
 * @param supersededBy the file that replaced it
 * @param supersededAt when
 */
public record SupersededFile(DocumentFile file, Sha256 supersededBy, Instant supersededAt) {
    public SupersededFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(supersededBy, "supersededBy");
        Objects.requireNonNull(supersededAt, "supersededAt");
    }
}
