package org.verso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.verso.library.InvalidInputException;
import org.verso.library.Sha256;
import org.verso.search.InvalidQueryException;
import org.verso.search.SearchFilters;
import org.verso.search.SearchQuery;
import org.verso.search.SearchResult;
import org.verso.search.SearchResult.FacetCount;
import org.verso.search.SearchResult.Hit;
import org.verso.search.SearchResult.TranslationHit;
import org.verso.search.SearchableFile;
import org.verso.search.SortOrder;
import org.verso.search.TranslationStatus;

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
            Fields.FILES);

    private final Analyzer analyzer;
    private final int snippetLength;
    private final int facetLimit;
    private final int maxResultWindow;
    private final Spelling spelling;

    public LibrarySearcher(Analyzer analyzer, int snippetLength, int facetLimit, int maxResultWindow) {
        this.analyzer = analyzer;
        this.snippetLength = snippetLength;
        this.facetLimit = facetLimit;
        this.maxResultWindow = maxResultWindow;
        this.spelling = new Spelling();
    }

    /** The Lucene query for a search: the parsed text with the filters as non-scoring clauses. */
    public Query query(SearchQuery search) {
        Query text = QueryLanguage.parse(search.text(), analyzer);
        SearchFilters filters = search.filters();
        if (filters.isEmpty()) {
            return text;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        filter(
                query,
                Fields.LANG,
                filters.languages().stream().map(Languages::normalize).toList());
        filter(query, Fields.KIND, filters.kinds());
        filter(query, Fields.BODY, filters.issuingBodies());
        filter(
                query,
                Fields.STATUS,
                filters.statuses().stream().map(TranslationStatus::code).toList());
        filter(query, Fields.YEAR, filters.years().stream().map(String::valueOf).toList());
        return query.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            query.add(
                    new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    public SearchResult search(IndexStore store, SearchQuery search) throws IOException {
        int offset = (search.page() - 1) * search.size();
        if (offset + search.size() > maxResultWindow) {
            throw new InvalidInputException(
                    "invalid-page",
                    "results beyond the first " + maxResultWindow + " are not served; narrow the search");
        }
        IndexSearcher searcher = store.acquire();
        try {
            // rewritten once: prefixes, wildcards and fuzzy words are expanded once for all the passes below
            Query query = searcher.rewrite(query(search));
            // relevance: counts and facets in a pass that scores nothing, the page by top-k search;
            // date and title: one pass that also keeps the best documents by that key
            boolean relevance = search.sort() == SortOrder.RELEVANCE;
            GroupingCollector collected =
                    collect(searcher, query, search.sort(), relevance ? 0 : offset + search.size());
            List<GroupingCollector.Group> page;
            if (relevance) {
                page = collected.total() == 0 ? List.of() : Ranking.page(searcher, query, offset, search.size());
            } else {
                List<GroupingCollector.Group> top = collected.top();
                page = offset >= top.size()
                        ? List.of()
                        : top.subList(offset, Math.min(top.size(), offset + search.size()));
            }
            List<Hit> hits = hits(searcher, query, page, search.sort());
            String suggestion = collected.total() == 0 && !search.text().isBlank()
                    ? spelling.suggest(searcher.getIndexReader(), search.text())
                    : null;
            return new SearchResult(
                    collected.total(), search.page(), search.size(), hits, facets(collected.facets()), suggestion);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException(
                    "the query is too complex (too many words or too wide a prefix); make it shorter or more precise",
                    0);
        } finally {
            store.release(searcher);
        }
    }

    /** Only {@code IndexSearcher.search(query, size)}: the baseline of benchmarks. */
    public int searchBare(IndexStore store, SearchQuery search) throws IOException {
        Query query = query(search);
        IndexSearcher searcher = store.acquire();
        try {
            return searcher.search(query, search.size()).scoreDocs.length;
        } finally {
            store.release(searcher);
        }
    }

    private static GroupingCollector collect(IndexSearcher searcher, Query query, SortOrder sort, int topN)
            throws IOException {
        return searcher.search(query, new CollectorManager<GroupingCollector, GroupingCollector>() {
            @Override
            public GroupingCollector newCollector() {
                return new GroupingCollector(sort, topN);
            }

            @Override
            public GroupingCollector reduce(Collection<GroupingCollector> collectors) {
                return collectors.size() == 1
                        ? collectors.iterator().next()
                        : GroupingCollector.merge(List.copyOf(collectors), sort, topN);
            }
        });
    }

    private List<Hit> hits(IndexSearcher searcher, Query query, List<GroupingCollector.Group> page, SortOrder sort)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Integer> allUnits = new ArrayList<>();
        List<String> allLanguages = new ArrayList<>();
        Map<Integer, Document> documents = new HashMap<>();
        for (GroupingCollector.Group group : page) {
            for (int unit : group.units) {
                Document document = stored.document(unit, HIT_FIELDS);
                documents.put(unit, document);
                allUnits.add(unit);
                allLanguages.add(document.get(Fields.LANG));
            }
        }
        Map<Integer, String> snippets = new Snippets(searcher, analyzer, snippetLength)
                .of(
                        query,
                        allUnits.stream().mapToInt(Integer::intValue).toArray(),
                        allLanguages.toArray(String[]::new));
        List<Hit> hits = new ArrayList<>();
        for (GroupingCollector.Group group : page) {
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
