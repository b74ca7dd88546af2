package org.verso.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * coalesced: a burst of saves costs one indexing per translation). The application wires it when both modules run.
 */
public final class TranslationIndexing implements TranslationSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TranslationIndexing.class);

    private final Translations translations;
    private final LibraryIndex index;
    private final LinkedHashSet<TranslationId> pending = new LinkedHashSet<>();
    private volatile boolean closed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-translations");
        thread.setDaemon(true);
        return thread;
    });

    public TranslationIndexing(Translations translations, LibraryIndex index) {
        this.translations = Objects.requireNonNull(translations, "translations");
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public List<SearchableTranslation> translationsOf(DocumentId id) {
        return translations.ofDocument(id).stream().map(this::searchable).toList();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(TranslationChanged event) {
        boolean schedule;
        synchronized (pending) {
            schedule = pending.isEmpty();
            pending.add(event.translation());
        }
        if (schedule) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        List<TranslationId> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        for (TranslationId id : batch) {
            if (closed) {
                return; // shutting down: the index is closing; the start-up check catches up
            }
            try {
                translations.find(id).ifPresent(t -> index.index(searchable(t)));
            } catch (RuntimeException e) {
                log.error("Indexing translation {} failed; a rebuild will pick it up", id, e);
            }
        }
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
