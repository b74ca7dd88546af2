package org.verso.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verso.library.InvalidInputException;
import org.verso.search.internal.Analyzers;
import org.verso.search.internal.IndexLocation;
import org.verso.search.internal.IndexStore;
import org.verso.search.internal.MemoryUnits;
import org.verso.search.internal.Refresher;

/**
 * Concordance search over translation memory: where has a word or phrase been translated before, and how. A Lucene
 * index of its own ({@code <indexDir>/memory}), one entry per {@link SearchableMemoryUnit}, searchable within the
 * refresh interval of a change. Derived data like the library index: opening never fails (a damaged index starts
 * empty). Thread-safe.
 */
public class Concordance implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(Concordance.class);
    static final String SCHEMA = "1";
    private static final int MAX_LIMIT = 200;
    private static final int ALIGNMENTS_CACHED = 512;

    private final Analyzer analyzer = Analyzers.concordance();
    private final IndexStore store;
    private final Refresher refresher;
    /** The latest alignments asked for, each valid while the index is at the version it was computed on. */
    private final Map<String, MemoryUnits.Aligned> aligned =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MemoryUnits.Aligned> eldest) {
                    return size() > ALIGNMENTS_CACHED;
                }
            });

    /** A unit found, both sides HTML-escaped with the matches in {@code <mark>}. */
    public record Hit(SearchableMemoryUnit unit, float score, String sourceSnippet, String targetSnippet) {}

    public Concordance(SearchProperties settings) {
        Objects.requireNonNull(settings, "settings");
        Path dir = settings.indexDir() == null ? null : settings.indexDir().resolve("memory");
        IndexLocation.Opened opened = new IndexLocation(dir, SCHEMA, analyzer, 16).open();
        this.store = opened.store();
        this.refresher = new Refresher(settings.refreshInterval(), () -> List.of(store));
        log.info(
                "Translation-memory index at {} ({})",
                store.path() == null ? "memory" : store.path(),
                opened.rebuildReason() == null ? "opened" : opened.rebuildReason());
    }

    /** Indexes (or replaces, by id) units, committed before returning. */
    public synchronized void index(Collection<SearchableMemoryUnit> units) {
        try {
            for (SearchableMemoryUnit unit : units) {
                MemoryUnits.write(store, unit);
            }
            store.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a unit. */
    public synchronized void delete(String id) {
        try {
            MemoryUnits.delete(store, id);
            store.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Units whose source or target holds every word of {@code text} (or the phrase, when quoted), best first.
     *
     * @param sourceLanguage only units of this source language (BCP 47), or null for any
     * @param targetLanguage only units of this target language, or null for any
     * @param limit at most this many, 1–200
     * @throws InvalidInputException ({@code invalid-query}) for a blank text or a bad limit
     */
    public List<Hit> search(String text, String sourceLanguage, String targetLanguage, int limit) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("a concordance search needs a word or phrase", 0);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid-page", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (text.length() > SearchQuery.MAX_TEXT) {
            throw new InvalidQueryException("the query is too long", SearchQuery.MAX_TEXT + 1);
        }
        try {
            return MemoryUnits.search(store, analyzer, text, sourceLanguage, targetLanguage, limit).stream()
                    .map(found -> new Hit(found.unit(), found.score(), found.source(), found.target()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words the memory consistently translates {@code words} with (how, docs/search.md "Query expansion"), best
     * first: what a search can also look for in the other languages. Empty for a blank text or a memory without
     * agreeing units.
     */
    public List<AlignedTerm> alignments(String words, int limit) {
        if (words == null || words.isBlank() || words.length() > SearchQuery.MAX_TEXT || limit < 1) {
            return List.of();
        }
        String key = words.strip().toLowerCase(java.util.Locale.ROOT) + '\u0000' + limit;
        try {
            MemoryUnits.Aligned cached = aligned.get(key);
            // one searcher for both the version check and, on a miss, the alignments
            MemoryUnits.Aligned current = MemoryUnits.alignments(store, analyzer, words.strip(), limit, cached);
            if (current != cached) {
                aligned.put(key, current);
            }
            return current.terms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every change so far searchable now. */
    public void refresh() {
        try {
            store.refreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        refresher.close();
        try {
            store.close();
        } catch (IOException e) {
            log.warn("Closing the translation-memory index: {}", e.toString());
        }
    }
}
