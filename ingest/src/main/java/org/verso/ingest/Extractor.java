package org.verso.ingest;

import java.nio.file.Path;

/**
 * Reads type, text and metadata out of a file. Implementations never throw for a bad file: every failure comes back
 * as an {@link Extraction} with a {@link FailureReason}. Thread-safe.
 */
public interface Extractor {
    Extraction extract(Path file);
}
