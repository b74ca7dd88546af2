package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most a configured number of searches pass over their matches at once; the others wait their turn and are
 * answered. What the cache knows does not wait.
 */
class SearchTurnsTest {
    @TempDir
    Path dir;

    private LibraryIndex index;

    @BeforeEach
    void setUp() {
        index = new LibraryIndex(SearchProperties.defaults(dir)
                .withCacheSize(0)
                .withConcurrentSearches(1)
                .withQueueAbove(0)); // every search takes a turn
        load(index);
    }

    private static void load(LibraryIndex index) {
        Library library = new Library();
        for (int i = 0; i < 40; i++) {
            library.add(
                    "Prison monitoring report " + i,
                    "en",
                    i % 2 == 0 ? "report" : "manual",
                    "UN",
                    2000 + i % 5,
                    "Visits to places of detention, report " + i + (i % 3 == 0 ? ", torture prevention" : ""));
        }
        try (var batch = index.batch()) {
            library.documents().forEach(d -> batch.add(d, List.of()));
        }
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    @Test
    void searchesBeyondTheLimitWaitTheirTurnAndAreAllAnswered() throws Exception {
        SearchQuery torture = query("torture");
        SearchQuery detention = query("detention");
        long tortureTotal = index.search(torture).total();
        long detentionTotal = index.search(detention).total();
        assertThat(tortureTotal).isEqualTo(14);
        assertThat(detentionTotal).isEqualTo(40);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                answers.add(pool.submit(() -> {
                    long[] totals = new long[2];
                    for (int i = 0; i < 25; i++) {
                        totals[0] += index.search(torture).total();
                        totals[1] += index.search(detention).total();
                    }
                    return totals;
                }));
            }
            for (Future<long[]> answer : answers) {
                assertThat(answer.get()).containsExactly(25 * tortureTotal, 25 * detentionTotal);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSearchThatFailsGivesBackItsTurn() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 3; i++) { // with one turn, a turn kept by a failed search would block the next forever
                assertThatThrownBy(() -> index.search(query("(torture OR cruel")))
                        .isInstanceOf(InvalidQueryException.class);
            }
            assertThat(index.search(query("torture")).total()).isEqualTo(14);
        });
    }

    @Test
    void whatTheCacheKnowsIsAnsweredWithoutWaitingForATurn(@TempDir Path cached) throws Exception {
        try (LibraryIndex withCache = new LibraryIndex(SearchProperties.defaults(cached)
                .withCacheSize(100)
                .withConcurrentSearches(1)
                .withQueueAbove(0))) {
            load(withCache);
            SearchQuery firstPage = new SearchQuery("detention", SearchFilters.NONE, SortOrder.RELEVANCE, 1, 10);
            SearchQuery secondPage = new SearchQuery("detention", SearchFilters.NONE, SortOrder.RELEVANCE, 2, 10);
            SearchResult first = withCache.search(firstPage);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            withCache.turns().acquire(); // every turn taken, as by a long search
            try {
                Future<SearchResult> uncached = pool.submit(() -> withCache.search(query("torture")));

                // a page shown before, and the next page of the order the first search found, need no turn
                assertThat(answeredSoon(pool, firstPage, withCache).hits()).isEqualTo(first.hits());
                assertThat(answeredSoon(pool, secondPage, withCache).hits())
                        .extracting(SearchResult.Hit::documentId)
                        .hasSize(10)
                        .doesNotContainAnyElementsOf(first.hits().stream()
                                .map(SearchResult.Hit::documentId)
                                .toList());
                // a search the cache has not seen passes over its matches: it waits
                Thread.sleep(300);
                assertThat(uncached).isNotDone();

                withCache.turns().release();
                assertThat(uncached.get(20, java.util.concurrent.TimeUnit.SECONDS)
                                .total())
                        .isEqualTo(14);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aNarrowSearchIsAnsweredWithoutWaitingBehindBroadOnes(@TempDir Path narrow) throws Exception {
        try (LibraryIndex queued = new LibraryIndex(SearchProperties.defaults(narrow)
                .withCacheSize(0)
                .withConcurrentSearches(1)
                .withQueueAbove(10_000))) {
            load(queued);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            queued.turns().acquire(); // every turn taken, as by a long search
            try {
                // everything (no words: every document) is broad whatever the library's size: it waits
                Future<SearchResult> everything = pool.submit(() -> queued.search(query("")));

                assertThat(answeredSoon(pool, query("torture"), queued).total()).isEqualTo(14);
                Thread.sleep(300);
                assertThat(everything).isNotDone();

                queued.turns().release();
                assertThat(everything
                                .get(20, java.util.concurrent.TimeUnit.SECONDS)
                                .total())
                        .isEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static SearchResult answeredSoon(ExecutorService pool, SearchQuery query, LibraryIndex index)
            throws Exception {
        return pool.submit(() -> index.search(query)).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void byDefaultAsManySearchesAtOnceAsTheMachineHasCores() {
        assertThat(SearchProperties.defaults(dir).searchesAtOnce())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(SearchProperties.defaults(dir).withConcurrentSearches(3).searchesAtOnce())
                .isEqualTo(3);
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, SearchFilters.NONE, SortOrder.RELEVANCE, 1, 10);
    }
}
