package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;
import org.verso.library.InvalidInputException;
import org.verso.library.Sha256;
import org.verso.search.InvalidQueryException;
import org.verso.search.SearchCacheStatistics;
import org.verso.search.SearchQuery;
import org.verso.search.SearchResult;
import org.verso.search.SearchResult.FacetCount;
import org.verso.search.SearchResult.Hit;
import org.verso.search.SearchResult.TranslationHit;
import org.verso.search.SearchableFile;
import org.verso.search.SortOrder;

/**
 * Answers searches of the library index: one parse, one pass over the matches (grouping and facets), then stored
 * fields and snippets for the page only. Thread-safe.
 */
public final class LibrarySearcher {
    private static final Set<String> HIT_FIELDS = Set.of(
            Fields.DOCUMENT_ID,
            Fields.UNIT,
            Fields.LANG,
            Fields.UNIT_STATUS,
            Fields.TITLE,
            Fields.DOC_TITLE,
            Fields.DOC_LANG,
            Fields.KIND,
            Fields.BODY,
            Fields.YEAR,
            Fields.FILES,
            Fields.TEXT);

    private final Analyzer analyzer;
    private final int snippetLength;
    private final int facetLimit;
    private final int maxResultWindow;
    private final long sampleAbove;
    private final long queueAbove;
    private final Spelling spelling;
    private final ResultCache cache;
    private final PageDocuments pageDocuments;
    private final int parsedCapacity;
    static final int LONGEST_PARSED_KEPT = 100;
    static final int MOST_PARSED_KEPT = 1000;
    private final Map<String, Query> parsedTexts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
            return size() > parsedCapacity;
        }
    };

    /** Bytes of stored text kept per search the cache holds (see {@link PageDocuments}), and at most. */
    static final long DOCUMENT_BYTES_PER_CACHED_SEARCH = 32 * 1024;

    static final long MOST_DOCUMENT_BYTES = 64L * 1024 * 1024;

    /**
     * @param sampleAbove postings a counting pass visits before it counts on a sample instead (0: always exact)
     * @param queueAbove postings a search may visit without waiting for a turn (0: every search waits for one)
     * @param cacheSize searches whose page-independent part is kept per searcher generation (0: none), and the stored
     *     fields of the index entries their pages showed, 32 kB of text per search (at most 64 MB)
     */
    public LibrarySearcher(
            Analyzer analyzer,
            int snippetLength,
            int facetLimit,
            int maxResultWindow,
            long sampleAbove,
            long queueAbove,
            int cacheSize) {
        this.analyzer = analyzer;
        this.snippetLength = snippetLength;
        this.facetLimit = facetLimit;
        this.maxResultWindow = maxResultWindow;
        this.sampleAbove = sampleAbove;
        this.queueAbove = queueAbove;
        this.spelling = new Spelling();
        this.cache = new ResultCache(cacheSize);
        this.parsedCapacity = Math.min(cacheSize, MOST_PARSED_KEPT);
        this.pageDocuments =
                new PageDocuments(Math.min(MOST_DOCUMENT_BYTES, cacheSize * DOCUMENT_BYTES_PER_CACHED_SEARCH));
    }

    /**
     * A query text parsed and analysed for every language it could be in: kept (as many as the result cache holds
     * searches) for the next search of the same text with other filters or order, which the result cache does not
     * answer. Parsed queries do not depend on the index, so they outlive its changes. Only texts of up to {@value
     * #LONGEST_PARSED_KEPT} characters are kept (a long text expands into thousands of clauses), at most {@value
     * #MOST_PARSED_KEPT}.
     */
    private Query parsed(String text) {
        if (parsedCapacity == 0 || text.length() > LONGEST_PARSED_KEPT) {
            return QueryLanguage.parse(text, analyzer);
        }
        synchronized (parsedTexts) {
            Query known = parsedTexts.get(text);
            if (known != null) {
                return known;
            }
        }
        Query query = QueryLanguage.parse(text, analyzer);
        synchronized (parsedTexts) {
            parsedTexts.put(text, query);
        }
        return query;
    }

    /** Cache hits, misses, entries and capacity. */
    public SearchCacheStatistics cacheStatistics() {
        return cache.statistics();
    }

    /** The Lucene query for a search: the parsed text with the filters as non-scoring clauses. */
    public Query query(SearchQuery search) {
        return FacetFilters.of(search.filters()).narrow(QueryLanguage.parse(search.text(), analyzer));
    }

    /**
     * Answers a search. The passes over the matches (counting, ranking) are CPU work and take a turn (when given)
     * while they run: one of the {@code turns} for a search visiting more than {@code queueAbove} postings, one of the
     * {@code narrowTurns} for one visiting fewer, so that narrow searches never wait behind broad ones. What the cache
     * already knows, and building a page from a known order (stored fields and snippets of ten entries), need no turn.
     */
    public SearchResult search(IndexStore store, SearchQuery search, Semaphore turns, Semaphore narrowTurns)
            throws IOException {
        // page × size in long: in int, a page near 2^31 wraps around to a negative offset that passes the check
        long end = (long) search.page() * search.size();
        if (end > maxResultWindow) {
            throw new InvalidInputException(
                    "invalid-page",
                    "results beyond the first " + maxResultWindow + " are not served; narrow the search");
        }
        int offset = (int) end - search.size();
        IndexSearcher searcher = store.acquire();
        Turn turn = new Turn(turns, narrowTurns);
        try {
            int need = offset + search.size();
            // one page ahead, for the cache to answer the next page; without a cache nothing would keep it
            int depth = Math.min(maxResultWindow, cache.keeps() ? need + search.size() : need);
            ResultCache.Key key = ResultCache.Key.of(search);
            ResultCache.Entry found = cache.get(searcher.getIndexReader(), key);
            Weight[] scoring = new Weight[1]; // worked out by the counting pass, for ranking in this search
            if (found == null) {
                // rewritten once: prefixes, wildcards and fuzzy words are expanded once for all the passes below
                // and each term looked up once for the estimate, the counting pass and the ranking
                Query text = LookedUp.of(searcher, searcher.rewrite(parsed(search.text())));
                FacetFilters filters = FacetFilters.of(search.filters());
                Query query = searcher.rewrite(filters.narrow(text));
                Query sideways = searcher.rewrite(filters.sideways(text));
                takeTurnUnlessCheap(turn, searcher, sideways);
                Counting.Counted counted =
                        Counting.count(searcher, sideways, filters, search.sort(), depth, sampleAbove, weight -> {
                            if (query.equals(sideways)) { // no filters: the same query is ranked next
                                scoring[0] = weight;
                            }
                        });
                String suggestion = counted.total() == 0 && !search.text().isBlank()
                        ? spelling.suggest(searcher.getIndexReader(), search.text())
                        : null;
                found = new ResultCache.Entry(query, sideways, filters, counted, suggestion);
                if (search.sort() == SortOrder.RELEVANCE && counted.depth() > 0) {
                    found.ranked = counted.ranked(); // ranked in the pass
                }
                cache.put(searcher.getIndexReader(), key, found);
            }
            Counting.Counted counted = found.counted;
            List<Hit> hits = found.page(search.page(), search.size());
            if (hits == null) {
                List<Group> best;
                if (counted.total() == 0) {
                    best = List.of();
                } else if (search.sort() == SortOrder.RELEVANCE) {
                    // ranked by the counting pass when few matched, else by a top-k search that skips what cannot
                    // compete
                    ResultCache.Ranked ranked = found.ranked;
                    if (ranked == null || !ranked.covers(need)) {
                        takeTurnUnlessCheap(turn, searcher, found.query);
                        ranked = Counting.rank(searcher, found.query, depth, scoring[0]);
                        found.ranked = ranked;
                    }
                    best = ranked.groups();
                } else {
                    if (!counted.ranked().covers(need)) {
                        takeTurnUnlessCheap(turn, searcher, found.sideways);
                        counted = Counting.count(
                                searcher, found.sideways, found.filters, search.sort(), depth, sampleAbove);
                        found.counted = counted;
                    }
                    best = counted.top();
                }
                turn.give(); // the order is known: the page is built without a turn
                List<Group> page =
                        offset >= best.size() ? List.of() : best.subList(offset, Math.min(best.size(), need));
                hits = hits(searcher, found.query, page, search.sort());
                found.page(search.page(), search.size(), hits);
            }
            return new SearchResult(
                    counted.total(),
                    counted.approximate(),
                    search.page(),
                    search.size(),
                    hits,
                    facets(counted.facets()),
                    found.suggestion);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException(
                    "the query is too complex (too many words or too wide a prefix); make it shorter or more precise",
                    0);
        } finally {
            turn.give();
            store.release(searcher);
        }
    }

    private void takeTurnUnlessCheap(Turn turn, IndexSearcher searcher, Query passedOver) throws IOException {
        if (turn.wanted()) { // the estimate decides which turn; none once one is held
            turn.take(queueAbove > 0 && Counting.postings(searcher, passedOver, queueAbove) <= queueAbove);
        }
    }

    /**
     * One search's turn, from the broad searches' turns or the narrow ones': taken once, at the first pass that needs
     * it; given back once.
     */
    private static final class Turn {
        private final Semaphore broad;
        private final Semaphore narrow;
        private Semaphore held;

        Turn(Semaphore broad, Semaphore narrow) {
            this.broad = broad;
            this.narrow = narrow;
        }

        /** Whether turns are given at all and this search holds none yet. */
        boolean wanted() {
            return held == null && (broad != null || narrow != null);
        }

        void take(boolean isNarrow) {
            Semaphore turns = isNarrow ? narrow : broad;
            if (turns == null || held != null) {
                return;
            }
            try {
                turns.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to search", e);
            }
            held = turns;
        }

        void give() {
            if (held != null) {
                held.release();
                held = null;
            }
        }
    }

    /** Only {@code IndexSearcher.search(query, n)} for the page: the baseline of benchmarks. */
    public int searchBare(IndexStore store, SearchQuery search) throws IOException {
        Query query = query(search);
        IndexSearcher searcher = store.acquire();
        try {
            return searcher.search(
                            query, Math.toIntExact(Math.min((long) search.page() * search.size(), maxResultWindow)))
                    .scoreDocs
                    .length;
        } finally {
            store.release(searcher);
        }
    }

    private List<Hit> hits(IndexSearcher searcher, Query query, List<Group> page, SortOrder sort) throws IOException {
        int[] inDocOrder = page.stream()
                .flatMapToInt(group -> java.util.Arrays.stream(group.units))
                .sorted()
                .toArray();
        Map<Integer, Document> documents = pageDocuments.read(searcher, inDocOrder, HIT_FIELDS);
        Map<Integer, String> snippets = new Snippets(searcher, analyzer, snippetLength).of(query, documents);
        List<Hit> hits = new ArrayList<>();
        for (Group group : page) {
            Document first = documents.get(group.units[0]);
            String snippet = null;
            List<TranslationHit> translations = new ArrayList<>();
            for (int unit : group.units) {
                Document document = documents.get(unit);
                if (Fields.ORIGINAL.equals(document.get(Fields.UNIT))) {
                    snippet = snippets.get(unit);
                } else {
                    translations.add(new TranslationHit(
                            document.get(Fields.LANG),
                            document.get(Fields.UNIT_STATUS),
                            document.get(Fields.TITLE),
                            snippets.get(unit)));
                }
            }
            String year = first.get(Fields.YEAR);
            String docLang = first.get(Fields.DOC_LANG);
            hits.add(new Hit(
                    first.get(Fields.DOCUMENT_ID),
                    first.get(Fields.DOC_TITLE),
                    docLang,
                    first.get(Fields.KIND),
                    first.get(Fields.BODY),
                    year == null ? null : Integer.valueOf(year),
                    files(first),
                    snippet,
                    sort == SortOrder.RELEVANCE && Float.isFinite(group.score) ? group.score : 0f,
                    translations));
        }
        return hits;
    }

    private static List<SearchableFile> files(Document document) {
        List<SearchableFile> files = new ArrayList<>();
        for (String file : document.getValues(Fields.FILES)) {
            int cut = file.indexOf(Fields.FILE_SEPARATOR);
            files.add(new SearchableFile(file.substring(0, cut), new Sha256(file.substring(cut + 1))));
        }
        return files;
    }

    private Map<String, List<FacetCount>> facets(Map<String, Map<String, Long>> counted) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add(GroupingCollector.LANGUAGE_FACET);
        names.addAll(GroupingCollector.DOCUMENT_FACETS);
        for (String name : names) {
            facets.put(
                    name,
                    counted.getOrDefault(name, Map.of()).entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                    .thenComparing(Map.Entry.comparingByKey()))
                            .limit(facetLimit)
                            .map(e -> new FacetCount(e.getKey(), e.getValue()))
                            .toList());
        }
        return facets;
    }

    /**
     * Titles (of originals and translations) having words that start with the typed words, best first, distinct.
     *
     * @return pairs of document id and title
     */
    public List<String[]> suggestTitles(IndexStore store, String typed, int limit) throws IOException {
        List<String> words = Spelling.words(analyzer, Fields.TITLE_ANY, typed);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            String prefix = word.length() > 20 ? word.substring(0, 20) : word;
            query.add(
                    new org.apache.lucene.search.TermQuery(
                            new org.apache.lucene.index.Term(Fields.TITLE_PREFIX, prefix)),
                    Occur.MUST);
        }
        IndexSearcher searcher = store.acquire();
        try {
            var found = searcher.search(query.build(), limit * 4);
            StoredFields stored = searcher.storedFields();
            Set<String> seen = new LinkedHashSet<>();
            List<String[]> result = new ArrayList<>();
            for (var hit : found.scoreDocs) {
                Document unit = stored.document(hit.doc, Set.of(Fields.DOCUMENT_ID, Fields.TITLE));
                String title = unit.get(Fields.TITLE);
                if (title != null && !title.isBlank() && seen.add(title)) {
                    result.add(new String[] {unit.get(Fields.DOCUMENT_ID), title});
                    if (result.size() == limit) {
                        break;
                    }
                }
            }
            return result;
        } finally {
            store.release(searcher);
        }
    }
}
