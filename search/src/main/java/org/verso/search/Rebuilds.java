package org.verso.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verso.library.ConflictException;
import org.verso.library.DocumentId;
import org.verso.search.RebuildProgress.State;
import org.verso.search.internal.BlockWriter;
import org.verso.search.internal.Blocks.Block;
import org.verso.search.internal.IndexStore;

/**
 * Rebuilds the library index from the catalogue into a new generation, in the background, while the current one
 * keeps answering and taking changes. Changes made meanwhile are recorded and copied over from the current index
 * before the swap (under the write lock), so nothing is lost. One rebuild at a time.
 */
final class Rebuilds {
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final LibraryIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildProgress progress = RebuildProgress.IDLE;
    /** Documents changed while a rebuild runs; null when none runs. Written under the write lock. */
    private volatile Set<DocumentId> dirty;

    Rebuilds(LibraryIndex index) {
        this.index = index;
    }

    RebuildProgress progress() {
        return progress;
    }

    /** Called under the write lock after each change. */
    void changed(DocumentId id) {
        Set<DocumentId> changed = dirty;
        if (changed != null) {
            changed.add(id);
        }
    }

    synchronized RebuildProgress start(SearchSource source, TranslationSource translations, String reason) {
        if (source == null) {
            throw new ConflictException(
                    "search-source-missing", "there is no catalogue to rebuild the search index from");
        }
        if (progress.running()) {
            return progress;
        }
        progress = new RebuildProgress(State.RUNNING, reason, 0, 0, Instant.now(), null, null);
        RebuildProgress started = progress;
        // from now on every change is recorded, so that none made before the new index is swapped in gets lost
        dirty = ConcurrentHashMap.newKeySet();
        worker.execute(() -> run(source, translations, started));
        return progress;
    }

    private void run(SearchSource source, TranslationSource translations, RebuildProgress started) {
        long total = 0;
        long done = 0;
        IndexStore fresh = null;
        try {
            total = source.count();
            progress = withCounts(started, 0, total);
            fresh = index.location().create(false);
            int every = index.settings().rebuildCommitEvery();
            IndexStore target = fresh;
            long[] written = {0};
            long expected = total;
            source.forEach(document -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("rebuild interrupted: the application is stopping");
                }
                List<SearchableTranslation> its =
                        translations == null ? List.of() : translations.translationsOf(document.documentId());
                try {
                    BlockWriter.write(target, new Block(document.documentId(), document, its));
                    if (++written[0] % every == 0) {
                        target.commit();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                progress = withCounts(started, written[0], Math.max(expected, written[0]));
            });
            done = written[0];
            // before it is put in use: one segment answers faster than the many a bulk load leaves
            LibraryIndex.mergeAfterBulkLoad(fresh);
            swap(fresh, source, translations);
            progress = new RebuildProgress(
                    State.DONE,
                    started.reason(),
                    done,
                    Math.max(total, done),
                    started.startedAt(),
                    Instant.now(),
                    null);
            log.info("Search index rebuilt ({}): {} documents", started.reason(), done);
        } catch (Exception e) {
            dirty = null;
            if (fresh != null) {
                index.location().discard(fresh, false);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuilding the search index failed", e);
            progress = new RebuildProgress(
                    State.FAILED,
                    started.reason(),
                    progress.done(),
                    total,
                    started.startedAt(),
                    Instant.now(),
                    e.toString());
        }
    }

    /**
     * Writes again, from the source, every document changed during the rebuild, commits the new generation as
     * complete and puts it in use. The source, not the live index, decides: the live copy may lack exactly the
     * translations the rebuild was started to restore.
     */
    private void swap(IndexStore fresh, SearchSource source, TranslationSource translations) throws Exception {
        IndexStore old;
        index.writes().lock();
        try {
            for (DocumentId id : dirty) {
                BlockWriter.write(
                        fresh,
                        source.document(id)
                                .map(document -> new Block(
                                        id,
                                        document,
                                        translations == null ? List.of() : translations.translationsOf(id)))
                                .orElseGet(() -> new Block(id, null, List.of())));
            }
            dirty = null;
            index.location().markComplete(fresh);
            fresh.commit();
            BlockWriter.documentIds(fresh); // refreshes its searcher before anyone searches it
            old = index.swap(fresh);
        } finally {
            index.writes().unlock();
        }
        index.location().discard(old, true);
    }

    private static RebuildProgress withCounts(RebuildProgress started, long done, long total) {
        return new RebuildProgress(State.RUNNING, started.reason(), done, total, started.startedAt(), null, null);
    }

    void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
