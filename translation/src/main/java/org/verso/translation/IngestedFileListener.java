package org.verso.translation;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;
import org.verso.library.Sha256;

/**
 * Segments every ingested file, after the ingest's commit, in the background: ingest never waits for segmentation and
 * never fails because of it. A file is recorded as pending first, so work cut short by a stop is taken up again at the
 * next start.
 */
class IngestedFileListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestedFileListener.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Segments segments;
    private final FileSegmenter segmenter;
    private final ExecutorService workers;

    IngestedFileListener(Segments segments, FileSegmenter segmenter, int workers) {
        this.segments = Objects.requireNonNull(segments, "segments");
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.workers = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "verso-segmenter-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DocumentIngested event) {
        try {
            if (segments.register(event)) {
                queue(event.documentId(), event.file());
            }
        } catch (RuntimeException e) {
            // never let segmentation fail the ingest; the file stays unregistered or pending and is retried at start
            log.error(
                    "Could not register file {} of document {} for segmentation", event.file(), event.documentId(), e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumePending() {
        try {
            for (FileSegmentation pending : segments.pending()) {
                queue(pending.documentId(), pending.file());
            }
        } catch (RuntimeException e) {
            log.error("Could not resume pending segmentation", e);
        }
    }

    private void queue(DocumentId document, Sha256 file) {
        workers.execute(() -> segmenter.segment(document, file));
    }

    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
