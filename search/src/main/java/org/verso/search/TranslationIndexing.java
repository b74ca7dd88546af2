package org.verso.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;
import org.verso.library.DocumentId;
import org.verso.translation.Translation;
import org.verso.translation.TranslationChanged;
import org.verso.translation.TranslationId;
import org.verso.translation.Translations;

/**
 * The translation module's translations as search indexes them: the {@link TranslationSource} of rebuilds, and the
 * listener that indexes a translation's target text and status after each change (on a thread of its own, changes
 * coalesced). Indexing starts at most once per {@code window} ({@code verso.search.translation-index-window}): a
 * change after a quiet window is indexed at once, changes within the window after an indexing wait for its end and are
 * indexed together, each changed translation once, with one commit per 64 translations. Translators saving without
 * pause thus cost one re-indexing of their translation's whole target text per window, not one per burst of saves.
 * The application wires it when both modules run. Thread-safe.
 */
public final class TranslationIndexing implements TranslationSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TranslationIndexing.class);
    /** Translations indexed with one commit: the whole target text of each is held until then. */
    private static final int CHUNK = 64;

    private final Translations translations;
    private final LibraryIndex index;
    private final long window;
    /** Changed translations waiting for the next indexing; guards {@link #scheduled} and {@link #lastStart} too. */
    private final LinkedHashSet<TranslationId> pending = new LinkedHashSet<>();

    private boolean scheduled;
    private boolean started;
    private long lastStart;
    private volatile boolean closed;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "search-translations");
        thread.setDaemon(true);
        return thread;
    });

    /** @param window the shortest time between two indexings (zero: index after every burst of changes) */
    public TranslationIndexing(Translations translations, LibraryIndex index, Duration window) {
        this.translations = Objects.requireNonNull(translations, "translations");
        this.index = Objects.requireNonNull(index, "index");
        if (window.isNegative()) {
            throw new IllegalArgumentException("a negative window: " + window);
        }
        this.window = window.toNanos();
    }

    @Override
    public List<SearchableTranslation> translationsOf(DocumentId id) {
        return translations.ofDocument(id).stream().map(this::searchable).toList();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(TranslationChanged event) {
        long delay;
        synchronized (pending) {
            pending.add(event.translation());
            if (scheduled || closed) {
                return;
            }
            scheduled = true;
            delay = started ? Math.max(0, lastStart + window - System.nanoTime()) : 0;
        }
        worker.schedule(this::drain, delay, TimeUnit.NANOSECONDS);
    }

    private void drain() {
        List<TranslationId> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            scheduled = false;
            started = true;
            lastStart = System.nanoTime();
        }
        List<SearchableTranslation> changed = new ArrayList<>();
        for (TranslationId id : batch) {
            if (closed) {
                return; // shutting down: the index is closing; the start-up check catches up
            }
            try {
                translations.find(id).map(this::searchable).ifPresent(changed::add);
            } catch (RuntimeException e) {
                log.error("Reading translation {} for the index failed; a rebuild will pick it up", id, e);
            }
            if (changed.size() == CHUNK) {
                write(changed);
            }
        }
        write(changed);
    }

    /** Indexes the translations read so far with one commit, and forgets them (their text may be large). */
    private void write(List<SearchableTranslation> changed) {
        if (changed.isEmpty() || closed) {
            return;
        }
        try {
            index.indexTranslations(changed);
        } catch (RuntimeException e) {
            log.error(
                    "Indexing translations {} failed; a rebuild will pick them up",
                    changed.stream().map(SearchableTranslation::documentId).toList(),
                    e);
        }
        changed.clear();
    }

    private SearchableTranslation searchable(Translation t) {
        return new SearchableTranslation(
                t.document(), t.targetLanguage().value(), status(t), null, translations.targetText(t.id()));
    }

    /** Search's statuses have no "reopened": a reopened translation is being translated again. */
    static TranslationStatus status(Translation t) {
        return switch (t.status()) {
            case OPEN -> TranslationStatus.OPEN;
            case CLAIMED -> TranslationStatus.CLAIMED;
            case IN_TRANSLATION, REOPENED -> TranslationStatus.IN_TRANSLATION;
            case IN_REVIEW -> TranslationStatus.IN_REVIEW;
            case APPROVED -> TranslationStatus.APPROVED;
        };
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
    }
}
