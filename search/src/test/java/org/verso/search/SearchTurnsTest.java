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

/** At most a configured number of searches are computed at once; the others wait their turn and are answered. */
class SearchTurnsTest {
    @TempDir
    Path dir;

    private LibraryIndex index;

    @BeforeEach
    void setUp() {
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
        index = new LibraryIndex(SearchProperties.defaults(dir).withCacheSize(0).withConcurrentSearches(1));
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
