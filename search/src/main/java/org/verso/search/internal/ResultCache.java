package org.verso.search.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.verso.search.SearchCacheStatistics;
import org.verso.search.SearchFilters;
import org.verso.search.SearchQuery;
import org.verso.search.SearchResult;
import org.verso.search.SortOrder;

/**
 * The page-independent part of recent searches (rewritten query, total, facet counts, suggestion, the order of the
 * best documents found so far) and the last pages shown, for the searcher that computed them: paging and facet clicks
 * repeat a query, and everything but a new page's stored fields and snippets can then be reused. Entries belong to one searcher generation;
 * the first search on a refreshed searcher drops them all, so an answer never outlives the index it was computed on.
 * Least recently used entries go first. Thread-safe.
 */
final class ResultCache {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** What identifies a search apart from its page: the query text (spaces collapsed), filters and order. */
    record Key(String text, SearchFilters filters, SortOrder sort) {
        static Key of(SearchQuery search) {
            return new Key(SPACES.matcher(search.text()).replaceAll(" "), search.filters(), search.sort());
        }
    }

    /** The best documents in relevance order, as deep as {@code depth} (fewer if {@code exhausted}). */
    record Ranked(List<Group> groups, int depth) {
        boolean covers(int need) {
            return depth >= need || groups.size() < depth;
        }
    }

    /**
     * What a search found apart from its page; the ranking and a deeper top are filled in as pages ask for them, and
     * the last few pages shown are kept whole.
     */
    static final class Entry {
        private static final int PAGES = 4;

        /** Narrowed by all filters: what is ranked and highlighted. */
        final Query query;
        /** Narrowed by all filters but one: what counting visits. */
        final Query sideways;

        final FacetFilters filters;
        final String suggestion;
        volatile Counting.Counted counted;
        volatile Ranked ranked;
        private final Map<Long, List<SearchResult.Hit>> pages = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<SearchResult.Hit>> eldest) {
                return size() > PAGES;
            }
        };

        Entry(Query query, Query sideways, FacetFilters filters, Counting.Counted counted, String suggestion) {
            this.query = query;
            this.sideways = sideways;
            this.filters = filters;
            this.counted = counted;
            this.suggestion = suggestion;
        }

        /** The hits of a page already shown, or null. */
        List<SearchResult.Hit> page(int page, int size) {
            synchronized (pages) {
                return pages.get(((long) page << 32) | size);
            }
        }

        void page(int page, int size, List<SearchResult.Hit> hits) {
            synchronized (pages) {
                pages.put(((long) page << 32) | size, List.copyOf(hits));
            }
        }
    }

    private record Generation(Object reader, Map<Key, Entry> entries) {}

    private final int capacity;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile Generation generation = new Generation(null, Map.of());

    /** @param capacity most entries kept; 0 turns the cache off */
    ResultCache(int capacity) {
        this.capacity = capacity;
    }

    /** Whether it keeps anything (capacity above 0). */
    boolean keeps() {
        return capacity > 0;
    }

    /** The entry computed on this reader, or null. */
    Entry get(IndexReader reader, Key key) {
        if (capacity == 0) {
            return null;
        }
        Generation current = generation;
        Entry entry = null;
        if (current.reader() == reader.getReaderCacheHelper().getKey()) {
            synchronized (current.entries()) {
                entry = current.entries().get(key);
            }
        }
        (entry == null ? misses : hits).increment();
        return entry;
    }

    /** Keeps an entry computed on this reader; entries of any other reader are dropped. */
    void put(IndexReader reader, Key key, Entry entry) {
        if (capacity == 0) {
            return;
        }
        Object readerKey = reader.getReaderCacheHelper().getKey();
        Generation current = generation;
        if (current.reader() != readerKey) {
            current = new Generation(readerKey, new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                    return size() > capacity;
                }
            });
            generation = current;
        }
        synchronized (current.entries()) {
            current.entries().put(key, entry);
        }
    }

    /** Hits and misses since start, entries now, capacity. */
    SearchCacheStatistics statistics() {
        Generation current = generation;
        int size;
        synchronized (current.entries()) {
            size = current.entries().size();
        }
        return new SearchCacheStatistics(hits.sum(), misses.sum(), size, capacity);
    }
}
