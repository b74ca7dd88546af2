package org.verso.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verso.library.DocumentId;
import org.verso.search.internal.Analyzers;
import org.verso.search.internal.BlockWriter;
import org.verso.search.internal.Blocks.Block;
import org.verso.search.internal.IndexLocation;
import org.verso.search.internal.IndexStore;
import org.verso.search.internal.LibrarySearcher;
import org.verso.search.internal.Refresher;

/**
 * The library's search index: documents with their translations, each in its own language's analysis. Changes are
 * searchable within {@link SearchProperties#refreshInterval()} and never wait for searches; searches never wait for
 * changes. Every change is committed before the method returns. The index is derived data: {@link #rebuild} writes a
 * new one from the catalogue while this one keeps answering, then swaps.
 *
 * <p>Thread-safe. Writes of one document are serialised (a translation is merged into the document's stored block).
 * Methods throw {@link UncheckedIOException} when the disk fails, {@link InvalidQueryException} for a query that
 * cannot be read.
 */
public class LibraryIndex implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(LibraryIndex.class);

    /** Version of the field layout; an index written with another is rebuilt at start-up. */
    static final String SCHEMA = "2";

    private final SearchProperties settings;
    private final Analyzer analyzer = Analyzers.perField();
    private final IndexLocation location;
    private final LibrarySearcher searcher;
    private final Refresher refresher;
    private final ReentrantLock writes = new ReentrantLock();
    private final java.util.concurrent.atomic.AtomicInteger openBatches =
            new java.util.concurrent.atomic.AtomicInteger();
    private final Rebuilds rebuilds;
    private volatile String openedReason;
    private volatile IndexStore current;
    /** Searches computed at once ({@link SearchProperties#searchesAtOnce()}); the others wait, first come first served. */
    private final Semaphore turns;

    private final Semaphore narrowTurns;

    /**
     * Opens (or creates) the index under {@code settings.indexDir()/library}. Never fails for a missing or damaged
     * index: it starts empty and {@link #needsRebuild()} says why.
     */
    public LibraryIndex(SearchProperties settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Path dir = settings.indexDir() == null ? null : settings.indexDir().resolve("library");
        this.location = new IndexLocation(dir, SCHEMA, analyzer, settings.ramBufferMb());
        IndexLocation.Opened opened = location.open();
        this.current = opened.store();
        this.openedReason = opened.rebuildReason();
        this.turns = new Semaphore(settings.searchesAtOnce(), true);
        this.narrowTurns = new Semaphore(settings.searchesAtOnce(), true);
        this.searcher = new LibrarySearcher(
                analyzer,
                settings.snippetLength(),
                settings.facetLimit(),
                settings.maxResultWindow(),
                settings.countSampleAbove(),
                settings.queueAbove(),
                settings.cacheSize());
        // while a bulk load runs, reopening searchers every interval would flush tiny segments and merge them again
        this.refresher =
                new Refresher(settings.refreshInterval(), () -> openBatches.get() > 0 ? List.of() : List.of(current));
        this.rebuilds = new Rebuilds(this);
        log.info(
                "Search index at {} ({})",
                current.path() == null ? "memory" : current.path(),
                openedReason == null ? "opened" : openedReason);
    }

    /**
     * Why the index as opened cannot be trusted (missing, damaged, of an old layout…), or null if it can (or a rebuild
     * has since replaced it).
     */
    public String needsRebuild() {
        return openedReason;
    }

    /** Indexes a document, keeping the translations the index already holds for it. */
    public void index(SearchableDocument document) {
        change(document.documentId(), block -> new Block(document.documentId(), document, block.translations()));
    }

    /**
     * Indexes several documents, each keeping the translations the index already holds for it, with one refresh
     * and one commit for all: what a burst of catalogue events needs.
     */
    public void indexAll(java.util.Collection<SearchableDocument> documents) {
        writes.lock();
        try {
            IndexStore store = current;
            store.refreshBlocking();
            java.util.Set<DocumentId> seen = new java.util.HashSet<>();
            for (SearchableDocument document : documents) {
                if (!seen.add(document.documentId())) {
                    throw new IllegalArgumentException("document twice in one batch: " + document.documentId());
                }
                Block block = BlockWriter.readRefreshed(store, document.documentId());
                BlockWriter.write(store, new Block(document.documentId(), document, block.translations()));
                rebuilds.changed(document.documentId());
            }
            store.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    /** Indexes a document with exactly these translations (replacing any others). */
    public void index(SearchableDocument document, List<SearchableTranslation> translations) {
        change(document.documentId(), block -> new Block(document.documentId(), document, translations));
    }

    /** Indexes (or replaces) one translation of a document; it is shown beneath its document. */
    public void index(SearchableTranslation translation) {
        indexTranslations(List.of(translation));
    }

    /**
     * Indexes (or replaces) several translations, each beneath its document, with one refresh and one commit for all:
     * what a window of translators' saves needs (one commit per translation flushed and synced a segment each).
     */
    public void indexTranslations(java.util.Collection<SearchableTranslation> translations) {
        java.util.Map<DocumentId, List<SearchableTranslation>> byDocument = new java.util.LinkedHashMap<>();
        for (SearchableTranslation translation : translations) {
            byDocument
                    .computeIfAbsent(translation.documentId(), id -> new java.util.ArrayList<>())
                    .add(translation);
        }
        if (byDocument.isEmpty()) {
            return;
        }
        writes.lock();
        try {
            IndexStore store = current;
            store.refreshBlocking();
            for (var document : byDocument.entrySet()) {
                Block block = BlockWriter.readRefreshed(store, document.getKey());
                for (SearchableTranslation translation : document.getValue()) {
                    block = block.with(translation);
                }
                BlockWriter.write(store, block);
                rebuilds.changed(document.getKey());
            }
            store.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    /** Removes one translation of a document from the index. */
    public void removeTranslation(DocumentId documentId, String language) {
        change(documentId, block -> block.without(language));
    }

    /** Removes a document and its translations from the index. */
    public void delete(DocumentId documentId) {
        change(documentId, block -> new Block(documentId, null, List.of()));
    }

    private void change(DocumentId id, java.util.function.UnaryOperator<Block> change) {
        writes.lock();
        try {
            IndexStore store = current;
            Block block = change.apply(BlockWriter.read(store, id));
            BlockWriter.write(store, block);
            store.commit();
            rebuilds.changed(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Starts a batch of whole documents written without reading anything back, committed every {@code
     * rebuildCommitEvery} documents and when closed: for bulk loads. While a batch is open the index is not
     * refreshed in the background; what it wrote is searchable when it is closed.
     */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Bulk indexing; not thread-safe, use one per thread. A batch that wrote at least half of the index's documents (a
     * bulk load) merges the index into one segment when it is closed: {@code close()} returns once merged (seconds per
     * 100 MB), other writers and searches going on meanwhile.
     */
    public final class Batch implements Closeable {
        private int pending;
        /** Index entries written: a document and its translations each. */
        private long entries;

        private Batch() {
            openBatches.incrementAndGet();
        }

        public void add(SearchableDocument document, List<SearchableTranslation> translations) {
            writes.lock();
            try {
                BlockWriter.write(current, new Block(document.documentId(), document, translations));
                entries += 1 + translations.size();
                rebuilds.changed(document.documentId());
                if (++pending >= settings.rebuildCommitEvery()) {
                    current.commit();
                    pending = 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                writes.unlock();
            }
        }

        @Override
        public void close() {
            IndexStore store;
            writes.lock();
            try {
                store = current;
                store.commit();
                store.refreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                openBatches.decrementAndGet();
                writes.unlock();
            }
            if (entries > 0 && entries * 2 >= store.entries()) {
                mergeAfterBulkLoad(store);
            }
        }
    }

    /** Merges a store into one segment after a bulk load; outside the write lock, writers keep writing meanwhile. */
    static void mergeAfterBulkLoad(IndexStore store) {
        long start = System.nanoTime();
        try {
            store.forceMerge();
            log.info(
                    "Search index merged into one segment after a bulk load in {} ms",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (AlreadyClosedException e) {
            // replaced by a rebuild meanwhile: nothing to merge
        } catch (IOException e) {
            log.warn("Merging the search index after a bulk load failed: {}", e.toString());
        }
    }

    /**
     * Searches the library. At most {@link SearchProperties#searchesAtOnce()} searches pass over their matches at once;
     * a search beyond that waits its turn. Narrow searches (at most {@link SearchProperties#queueAbove()} postings)
     * take turns of their own, as many again: they never wait behind broad ones. What the cache of recent searches
     * answers (a page shown before, or the next page of a known order) needs no turn.
     *
     * @throws InvalidQueryException if the query text cannot be read, saying what and where
     * @throws org.verso.library.InvalidInputException ({@code invalid-page}) beyond the deepest page served
     */
    public SearchResult search(SearchQuery query) {
        return withStore(store -> searcher.search(store, query, turns, narrowTurns));
    }

    /** The turns broad searches take (for tests). */
    Semaphore turns() {
        return turns;
    }

    /**
     * The same search bare, for benchmarks: the query parsed as {@link #search} parses it, then only Lucene's {@code
     * IndexSearcher.search(query, size)} on the current searcher (top units by score), without grouping, facets,
     * stored fields or snippets. Shows what everything else costs.
     *
     * @return the number of index entries in the top {@code size}
     */
    public int searchBare(SearchQuery query) {
        return withStore(store -> searcher.searchBare(store, query));
    }

    /** How the cache of recent searches ({@link SearchProperties#cacheSize()}) has fared since start. */
    public SearchCacheStatistics cacheStatistics() {
        return searcher.cacheStatistics();
    }

    /** Up to {@code limit} titles with words starting with the typed words (search-as-you-type). */
    public List<TitleSuggestion> suggestTitles(String typed, int limit) {
        if (typed == null || typed.isBlank() || limit < 1) {
            return List.of();
        }
        return withStore(store -> searcher.suggestTitles(store, typed, Math.min(limit, 50)).stream()
                .map(pair -> new TitleSuggestion(pair[0], pair[1]))
                .toList());
    }

    /** Number of documents in the index (as last refreshed). */
    public long documentCount() {
        return documentIds().size();
    }

    /** Ids of all documents in the index. */
    Set<String> documentIds() {
        return withStore(BlockWriter::documentIds);
    }

    /** Makes every change so far searchable now rather than at the next refresh. */
    public void refresh() {
        withStore(store -> {
            store.refreshBlocking();
            return null;
        });
    }

    /**
     * Starts rebuilding the index from the source in the background, unless a rebuild is running already; search
     * keeps answering from the current index meanwhile.
     *
     * @return the progress of the running rebuild
     */
    public RebuildProgress rebuild(SearchSource source, TranslationSource translations, String reason) {
        return rebuilds.start(source, translations, reason);
    }

    /** Progress of the latest rebuild. */
    public RebuildProgress rebuildProgress() {
        return rebuilds.progress();
    }

    /**
     * Compares the index with the catalogue (the set of documents) and, if there is a translation source, with its
     * translations (document, language and status of each), and rebuilds in the background if they disagree or the
     * index could not be trusted when opened.
     *
     * @param translations the translations' source, or null when there is none (translations are then not compared)
     * @return whether a rebuild was started
     */
    public boolean checkAgainst(SearchSource source, TranslationSource translations) {
        String reason = openedReason;
        List<DocumentId> catalogue = List.of();
        if (reason == null) {
            Set<String> indexed = documentIds();
            try (var ids = source.documentIds()) {
                catalogue = ids.toList();
            }
            Set<String> catalogued =
                    catalogue.stream().map(DocumentId::toString).collect(java.util.stream.Collectors.toSet());
            if (!catalogued.equals(indexed)) {
                reason = "catalogue-mismatch";
                log.info(
                        "Search index holds {} documents, the catalogue {}: rebuilding",
                        indexed.size(),
                        catalogued.size());
            }
        }
        if (reason == null && translations != null) {
            Set<String> indexed = withStore(BlockWriter::translations);
            Set<String> provided = new java.util.HashSet<>();
            for (DocumentId id : catalogue) {
                for (SearchableTranslation translation : translations.translationsOf(id)) {
                    provided.add(BlockWriter.translationKey(
                            id.toString(),
                            translation.language(),
                            translation.status().code()));
                }
            }
            if (!provided.equals(indexed)) {
                reason = "translations-mismatch";
                log.info(
                        "Search index holds {} translations, the translations' source {} (or in other states):"
                                + " rebuilding",
                        indexed.size(),
                        provided.size());
            }
        }
        if (reason == null) {
            return false;
        }
        rebuild(source, translations, reason);
        return true;
    }

    // ---- used by Rebuilds

    IndexLocation location() {
        return location;
    }

    ReentrantLock writes() {
        return writes;
    }

    IndexStore current() {
        return current;
    }

    /** Swaps in a rebuilt store; caller holds the write lock. Returns the old one. */
    IndexStore swap(IndexStore rebuilt) {
        IndexStore old = current;
        current = rebuilt;
        openedReason = null;
        return old;
    }

    SearchProperties settings() {
        return settings;
    }

    private interface StoreWork<T> {
        T apply(IndexStore store) throws IOException;
    }

    /** Runs against the current store, once more if a rebuild swapped it away in the meantime. */
    private <T> T withStore(StoreWork<T> work) {
        try {
            try {
                return work.apply(current);
            } catch (AlreadyClosedException e) {
                return work.apply(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        rebuilds.close();
        refresher.close();
        writes.lock();
        try {
            current.close();
        } catch (IOException e) {
            log.warn("Closing the search index: {}", e.toString());
        } finally {
            writes.unlock();
        }
    }
}
