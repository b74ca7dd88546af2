package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of recent searches answers exactly what a search without it answers, and never outlives the index it was
 * computed on. Two indexes hold the same library, one with the cache and one without.
 */
class SearchCacheTest {
    @TempDir
    Path dir;

    private LibraryIndex cached;
    private LibraryIndex uncached;
    private Library library;

    @BeforeEach
    void setUp() {
        library = new Library();
        String[] kinds = {"report", "charter", "manual"};
        for (int i = 0; i < 60; i++) {
            SearchableDocument document = library.add(
                    "Monitoring report " + i,
                    i % 3 == 0 ? "ru" : "en",
                    kinds[i % 3],
                    i % 2 == 0 ? "UN" : "OSCE",
                    1990 + i % 7,
                    i % 3 == 0
                            ? "Посещение мест лишения свободы, отчёт " + i
                            : "Visits to places of detention and prison monitoring, report " + i);
            if (i % 4 == 1) {
                library.translate(new SearchableTranslation(
                        document.documentId(),
                        "fr",
                        TranslationStatus.IN_REVIEW,
                        "Rapport " + i,
                        "Visites des lieux de détention et contrôle des prisons"));
            }
        }
        cached = load(dir.resolve("cached"), 1000);
        uncached = load(dir.resolve("uncached"), 0);
    }

    private LibraryIndex load(Path where, int cacheSize) {
        LibraryIndex index = new LibraryIndex(SearchProperties.defaults(where).withCacheSize(cacheSize));
        try (var batch = index.batch()) {
            library.documents().forEach(d -> batch.add(d, library.translationsOf(d.documentId())));
        }
        return index;
    }

    @AfterEach
    void tearDown() {
        cached.close();
        uncached.close();
    }

    private static List<SearchQuery> searches() {
        SearchFilters charters = new SearchFilters(Set.of(), Set.of("charter"), Set.of(), Set.of(), Set.of());
        SearchFilters french = new SearchFilters(Set.of("fr"), Set.of(), Set.of(), Set.of(), Set.of());
        List<SearchQuery> searches = new ArrayList<>();
        for (String text : List.of("prison monitoring", "détention", "свободы", "report", "", "priosn", "monit*")) {
            for (SortOrder sort : SortOrder.values()) {
                searches.add(new SearchQuery(text, SearchFilters.NONE, sort, 1, 10));
                searches.add(new SearchQuery(text, SearchFilters.NONE, sort, 2, 10));
                searches.add(new SearchQuery(text, SearchFilters.NONE, sort, 4, 7));
                searches.add(new SearchQuery(text, charters, sort, 1, 5));
                searches.add(new SearchQuery(text, french, sort, 1, 10));
            }
        }
        return searches;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void aCachedAnswerIsIdenticalToAnUncachedOne() {
        // given every search made once (computed) and then again (from the cache), pages in any order
        List<SearchQuery> searches = searches();
        for (SearchQuery search : searches) {
            cached.search(search);
        }
        SearchCacheStatistics before = cached.cacheStatistics();

        // when / then
        for (SearchQuery search : reversed(searches)) {
            assertThat(cached.search(search)).as(search.toString()).isEqualTo(uncached.search(search));
        }
        SearchCacheStatistics after = cached.cacheStatistics();
        assertThat(after.hits() - before.hits()).isEqualTo(searches.size());
        assertThat(after.misses()).isEqualTo(before.misses());
        assertThat(uncached.cacheStatistics().hits()).isZero();
        assertThat(uncached.cacheStatistics().capacity()).isZero();
    }

    @Test
    void spacesInTheQueryDoNotMakeAnotherSearch() {
        SearchResult first = cached.search(SearchQuery.of("prison monitoring"));
        long misses = cached.cacheStatistics().misses();

        SearchResult again = cached.search(SearchQuery.of("  prison \t monitoring "));

        assertThat(again).isEqualTo(first);
        assertThat(cached.cacheStatistics().misses()).isEqualTo(misses);
    }

    @Test
    void aNewDocumentInvalidatesWhatWasCached() {
        SearchQuery search = SearchQuery.of("prison");
        SearchResult before = cached.search(search);
        assertThat(cached.search(search)).isEqualTo(before);

        SearchableDocument added = library.add(
                "A prison inspection", "en", "report", "UN", 2024, "An unannounced prison inspection at night");
        cached.index(added);
        uncached.index(added);
        cached.refresh();
        uncached.refresh();
        long misses = cached.cacheStatistics().misses();
        SearchResult after = cached.search(search);

        assertThat(cached.cacheStatistics().misses()).isEqualTo(misses + 1);
        assertThat(after.total()).isEqualTo(before.total() + 1);
        assertThat(after.facets().get("year")).contains(new SearchResult.FacetCount("2024", 1));
        assertThat(after).isEqualTo(uncached.search(search));
    }

    @Test
    void aRemovedTranslationIsNoLongerShownFromTheCache() {
        SearchQuery search = SearchQuery.of("contrôle");
        SearchResult before = cached.search(search);
        assertThat(before.total()).isPositive();
        String documentId = before.hits().get(0).documentId();

        cached.removeTranslation(org.verso.library.DocumentId.parse(documentId), "fr");
        cached.refresh();

        SearchResult after = cached.search(search);
        assertThat(after.total()).isEqualTo(before.total() - 1);
        assertThat(after.hits()).extracting(SearchResult.Hit::documentId).doesNotContain(documentId);
    }
}
