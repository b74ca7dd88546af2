package org.verso.ingest.internal.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.ingest.ArchiveMember;
import org.verso.ingest.Extraction;
import org.verso.ingest.Extractor;
import org.verso.ingest.FailureReason;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.NewFile;
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
    private final IngestRows rows;
    private final TransactionTemplate transaction;

    FileProcessor(
            FileStore store,
            Documents documents,
            Extractor extractor,
            RunningFiles running,
            long maxBytes,
            IngestRows rows,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.documents = documents;
        this.extractor = extractor;
        this.running = running;
        this.maxBytes = maxBytes;
        this.rows = rows;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Processed process(IngestRows.Pending item) {
        Processed processed = read(item);
        running.read(item.batchId(), item.id(), processed.size());
        return processed;
    }

    private Processed read(IngestRows.Pending item) {
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
            if (size > maxBytes) { // a file unpacked from an archive
                return failed(item, sha, size, FailureReason.TOO_LARGE, tooLarge(size), started);
            }
        }
        if (size == 0) {
            return failed(item, sha, size, FailureReason.EMPTY, null, started);
        }
        if (!newBytes && documents.ownerOf(sha).isPresent()) {
            return new Processed(item, sha, size, null, millis(started)); // a duplicate: no need to read it again
        }
        Extraction extraction = extractor.extract(store.locate(sha));
        if (extraction.isArchive()) {
            int members = addMembers(item, extraction.members());
            return new Processed(item, sha, size, extraction, millis(started), members);
        }
        return new Processed(item, sha, size, extraction, millis(started));
    }

    /**
     * Stores the files unpacked from an archive and makes them items of the archive's batch (once, even when the
     * archive is read again after an interruption); removes the unpacked copies. Returns how many files the archive
     * has in the batch.
     */
    private int addMembers(IngestRows.Pending archive, List<ArchiveMember> members) {
        List<IngestRows.Member> stored = new ArrayList<>(members.size());
        try {
            for (ArchiveMember member : members) {
                Sha256 sha = store.store(member.file(), Long.MAX_VALUE); // bounded by the unpack limits
                String name = member.name() != null ? member.name() : contentName(archive.name());
                stored.add(new IngestRows.Member(name, sha, Files.size(member.file())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file unpacked from " + archive.name(), e);
        } finally {
            removeUnpacked(members);
        }
        return transaction.execute(status -> rows.addMembers(archive.batchId(), archive.id(), stored));
    }

    /** The name of what a gzip or bzip2 file holds when its header does not say: its own name less the extension. */
    static String contentName(String compressedName) {
        String name = NewFile.fileName(compressedName);
        String stripped = name.replaceFirst("(?i)\\.(gz|gzip|bz2)$", "");
        return stripped.equals(name) || stripped.isBlank() ? name + ".content" : stripped;
    }

    private static void removeUnpacked(List<ArchiveMember> members) {
        Set<Path> folders = new HashSet<>();
        for (ArchiveMember member : members) {
            try {
                Files.deleteIfExists(member.file());
                folders.add(member.file().getParent());
            } catch (IOException ignored) {
                // the worker's scratch folder is emptied when the application starts
            }
        }
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException ignored) {
                // not empty (or gone): as above
            }
        }
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
