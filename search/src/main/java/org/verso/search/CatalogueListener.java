package org.verso.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.verso.library.DocumentChanged;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;

/**
 * Indexes what the catalogue announces, after its transaction commits, on a thread of its own: the publisher never
 * waits for the index, and changes reach it in the order they were published. At start-up it has the index checked
 * against the catalogue (in the background, search answers meanwhile).
 */
class CatalogueListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CatalogueListener.class);

    private final LibraryIndex index;
    private final SearchSource source;
    private final SearchMaintenance maintenance;
    private final boolean checkOnStartup;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-indexer");
        thread.setDaemon(true);
        return thread;
    });

    CatalogueListener(LibraryIndex index, SearchSource source, SearchMaintenance maintenance, boolean checkOnStartup) {
        this.index = index;
        this.source = source;
        this.maintenance = maintenance;
        this.checkOnStartup = checkOnStartup;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DocumentIngested event) {
        reindex(event.documentId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DocumentChanged event) {
        reindex(event.documentId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (checkOnStartup) {
            worker.execute(() -> {
                try {
                    maintenance.check();
                } catch (RuntimeException e) {
                    log.error("Checking the search index against the catalogue failed", e);
                }
            });
        }
    }

    /** Documents announced and not indexed yet, in order; drained in batches by the worker. */
    private final java.util.LinkedHashSet<DocumentId> pending = new java.util.LinkedHashSet<>();

    private static final int BATCH = 500;

    private void reindex(DocumentId id) {
        boolean schedule;
        synchronized (pending) {
            schedule = pending.isEmpty();
            pending.add(id);
        }
        if (schedule) {
            worker.execute(this::drain);
        }
    }

    /** Indexes everything announced so far, a batch at a time, with one commit per batch. */
    private void drain() {
        while (true) {
            java.util.List<DocumentId> batch = new java.util.ArrayList<>();
            synchronized (pending) {
                var ids = pending.iterator();
                while (ids.hasNext() && batch.size() < BATCH) {
                    batch.add(ids.next());
                    ids.remove();
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                java.util.List<SearchableDocument> present = new java.util.ArrayList<>();
                for (DocumentId id : batch) {
                    source.document(id).ifPresentOrElse(present::add, () -> index.delete(id));
                }
                index.indexAll(present);
            } catch (RuntimeException e) {
                log.error(
                        "Indexing {} documents failed; the next start-up check or a rebuild repairs it",
                        batch.size(),
                        e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
