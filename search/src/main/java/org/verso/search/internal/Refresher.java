package org.verso.search.internal;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens the searchers of open indexes in the background at a fixed interval, so that changes become searchable
 * without writers or searchers waiting for each other.
 */
public final class Refresher implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(Refresher.class);

    private final ScheduledExecutorService scheduler;

    public Refresher(Duration interval, Supplier<List<IndexStore>> stores) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "search-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(
                () -> {
                    for (IndexStore store : stores.get()) {
                        try {
                            store.maybeRefresh();
                        } catch (AlreadyClosedException e) {
                            // swapped by a rebuild; the next round sees the new one
                        } catch (Exception e) {
                            log.warn("Refreshing the search index failed: {}", e.toString());
                        }
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
