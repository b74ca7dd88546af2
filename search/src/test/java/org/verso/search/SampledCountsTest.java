package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search matching a large part of the library counts its total and facets on a sample, says so, and comes close to
 * the exact counts; the page itself is ranked over every match. Two indexes of the same library: one that samples
 * above a low threshold, one that always counts exactly.
 */
class SampledCountsTest {
    private static final int DOCUMENTS = 6000;

    @TempDir
    static Path dir;

    private static LibraryIndex sampling;
    private static LibraryIndex exact;

    @BeforeAll
    static void setUp() {
        Library library = new Library();
        String[] kinds = {"report", "charter", "manual", "kit"};
        for (int i = 0; i < DOCUMENTS; i++) {
            // every document mentions prisons; one in 40 also mentions asylum
            library.add(
                    "Document " + i,
                    i % 5 == 0 ? "fr" : "en",
                    kinds[i % 4],
                    "UN",
                    2000 + i % 10,
                    "prison visits and detention monitoring " + (i % 40 == 0 ? "asylum " : "") + "number " + i);
        }
        sampling = load(library, dir.resolve("sampling"), 2000);
        exact = load(library, dir.resolve("exact"), 0);
    }

    private static LibraryIndex load(Library library, Path where, long sampleAbove) {
        LibraryIndex index = new LibraryIndex(
                SearchProperties.defaults(where).withCacheSize(0).withCountSampleAbove(sampleAbove));
        try (var batch = index.batch()) {
            library.documents().forEach(d -> batch.add(d, List.of()));
        }
        return index;
    }

    @AfterAll
    static void tearDown() {
        sampling.close();
        exact.close();
    }

    @Test
    void aBroadSearchIsCountedOnASampleAndSaysSo() {
        SearchResult estimated = sampling.search(SearchQuery.of("prison detention"));
        SearchResult counted = exact.search(SearchQuery.of("prison detention"));

        assertThat(counted.approximate()).isFalse();
        assertThat(counted.total()).isEqualTo(DOCUMENTS);
        assertThat(estimated.approximate()).isTrue();
        assertThat((double) estimated.total()).isCloseTo(DOCUMENTS, within(DOCUMENTS * 0.1));
        // two significant digits: an estimate does not pretend to more
        assertThat(estimated.total() % 10).isZero();
        Map<String, Long> kinds = counts(estimated, "kind");
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("report", "charter", "manual", "kit");
        kinds.values()
                .forEach(count -> assertThat((double) count).isCloseTo(DOCUMENTS / 4.0, within(DOCUMENTS * 0.06)));
        Map<String, Long> languages = counts(estimated, "lang");
        assertThat((double) languages.get("en")).isCloseTo(DOCUMENTS * 0.8, within(DOCUMENTS * 0.08));
        assertThat((double) languages.get("fr")).isCloseTo(DOCUMENTS * 0.2, within(DOCUMENTS * 0.05));
    }

    @Test
    void theSampledSearchStillRanksAndPagesOverEveryMatch() {
        SearchQuery search = new SearchQuery("prison asylum", SearchFilters.NONE, SortOrder.RELEVANCE, 1, 20);

        SearchResult estimated = sampling.search(search);

        assertThat(estimated.approximate()).isTrue();
        // the documents mentioning asylum score best, wherever the sample's windows fell
        assertThat(estimated.hits()).hasSize(20).allSatisfy(hit -> assertThat(hit.snippet())
                .contains("<mark>asylum</mark>"));
        assertThat(estimated.hits()).isEqualTo(exact.search(search).hits());
    }

    @Test
    void theSameSearchGivesTheSameEstimateEveryTime() {
        SearchResult first = sampling.search(SearchQuery.of("prison monitoring"));

        assertThat(first.approximate()).isTrue();
        assertThat(sampling.search(SearchQuery.of("prison monitoring"))).isEqualTo(first);
    }

    @Test
    void aNarrowSearchIsCountedExactly() {
        SearchResult result = sampling.search(SearchQuery.of("asylum"));

        assertThat(result.approximate()).isFalse();
        assertThat(result.total()).isEqualTo(DOCUMENTS / 40);
        assertThat(counts(result, "kind")).isEqualTo(counts(exact.search(SearchQuery.of("asylum")), "kind"));
    }

    @Test
    void dateOrderIsNeverSampled() {
        SearchQuery search = new SearchQuery("prison", SearchFilters.NONE, SortOrder.DATE, 1, 10);

        SearchResult result = sampling.search(search);

        assertThat(result.approximate()).isFalse();
        assertThat(result).isEqualTo(exact.search(search));
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.year()).isEqualTo(2009));
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        return result.facets().get(facet).stream()
                .collect(Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count));
    }
}
