package org.verso.ingest.internal.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.verso.ingest.Extraction;
import org.verso.ingest.Extractor;
import org.verso.ingest.FailureReason;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.Sha256;
import org.verso.library.TooLargeException;

/**
 * Stores a file's bytes in the file store (so nothing is lost, whatever happens next), skips reading bytes that are
 * already catalogued (asked of the catalogue only when the store already had the bytes: a catalogued file is always
 * in the store; the writer checks again in any case), and reads the rest in a worker process. Never throws for a bad file: the outcome says why.
 * Thread-safe: items of a chunk are processed side by side, one per worker process.
 */
final class FileProcessor implements ItemProcessor<IngestRows.Pending, Processed> {
    private final FileStore store;
    private final Documents documents;
    private final Extractor extractor;
    private final RunningFiles running;
    private final long maxBytes;

    FileProcessor(FileStore store, Documents documents, Extractor extractor, RunningFiles running, long maxBytes) {
        this.store = store;
        this.documents = documents;
        this.extractor = extractor;
        this.running = running;
        this.maxBytes = maxBytes;
    }

    @Override
    public Processed process(IngestRows.Pending item) {
        long started = System.nanoTime();
        running.reading(item.batchId(), item.name());
        Sha256 sha = item.sha256();
        Long size = item.size();
        boolean newBytes = false; // bytes the store did not have cannot be catalogued yet
        if (sha == null) {
            Path source = item.sourcePath();
            if (source == null || !Files.isRegularFile(source)) {
                return failed(item, null, size, FailureReason.UNREADABLE, "(it is no longer there)", started);
            }
            try {
                size = Files.size(source);
                if (size == 0) {
                    return failed(item, null, size, FailureReason.EMPTY, null, started);
                }
                if (size > maxBytes) {
                    return failed(item, null, size, FailureReason.TOO_LARGE, tooLarge(size), started);
                }
                FileStore.Stored stored = store.add(source, maxBytes);
                sha = stored.sha256();
                newBytes = stored.added();
            } catch (TooLargeException e) {
                return failed(item, null, size, FailureReason.TOO_LARGE, tooLarge(size), started);
            } catch (IOException | UncheckedIOException e) {
                return failed(item, null, size, FailureReason.UNREADABLE, "(" + e.getMessage() + ")", started);
            }
        } else if (!store.contains(sha)) {
            return failed(item, sha, size, FailureReason.UNREADABLE, "(the stored copy is missing)", started);
        } else {
            size = store.size(sha);
        }
        if (size == 0) {
            return failed(item, sha, size, FailureReason.EMPTY, null, started);
        }
        if (!newBytes && documents.ownerOf(sha).isPresent()) {
            return new Processed(item, sha, size, null, millis(started)); // a duplicate: no need to read it again
        }
        Extraction extraction = extractor.extract(store.locate(sha));
        return new Processed(item, sha, size, extraction, millis(started));
    }

    private String tooLarge(long size) {
        return "(" + megabytes(size) + "; the limit is " + megabytes(maxBytes) + ")";
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Processed failed(
            IngestRows.Pending item, Sha256 sha, Long size, FailureReason reason, String detail, long started) {
        return new Processed(item, sha, size, Extraction.failed(reason, detail, null), millis(started));
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
