package org.verso.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of search ({@code verso.search.*}).
 *
 * @param indexDir where the Lucene indexes live; default {@code <verso.data-dir>/index}. Derived data: deleting it
 *     only costs a rebuild from the catalogue
 * @param refreshInterval how often new and changed documents become searchable (10 ms – 1 s); default 200 ms
 * @param ramBufferMb memory the index writer buffers before it flushes a segment, in MB (16–2048); default 64
 * @param snippetLength target length of a highlighted passage, in characters (50–2000); default 200
 * @param facetLimit most values listed per facet (1–1000); default 20
 * @param maxResultWindow deepest result served, page × size (100–100000); default 10000
 * @param checkOnStartup whether to compare index and catalogue at start-up and rebuild in the background when they
 *     disagree; default true
 * @param rebuildCommitEvery documents written by a rebuild between two commits (100–100000); default 2000
 * @param cacheSize searches whose page-independent part (total, facet counts, order of the best documents) is kept
 *     until the index next changes, so that paging and facet clicks do not search again, with the stored fields of the
 *     index entries pages showed (32 kB of text per search, at most 64 MB) (0–100000, 0 turns both off); default 1000
 * @param countSampleAbove index postings a search may visit to count its total and facets exactly; a search matching
 *     more (a large part of the library) counts them on a sample of about this many and answers them as approximate
 *     (0 or 1000–100000000, 0 always counts exactly); default 20000
 * @param concurrentSearches searches computed at the same time (0–1024); the others wait their turn, in order of
 *     arrival. Searching is CPU work: more at once than there are cores only makes each slower (more switching, colder
 *     caches). 0, the default, means as many as the machine has cores
 * @param queueAbove index postings a search may visit (estimated from its terms before it starts) and still count as
 *     narrow: narrow searches take turns of their own (as many again as {@code concurrentSearches}), so that they
 *     never queue behind broad ones (0–100000000; 0 makes every search take the one kind of turn); default 10000. On
 *     the benchmark it cut the median from 13 to 4 ms, the slowest 1% staying under 50 ms (docs/search.md)
 * @param translationIndexWindow the shortest time between two re-indexings of changed translations' target text
 *     (0–60 s): a save after a quiet window is indexed at once, saves within the window after it together at its end,
 *     each changed translation once; default 1 s. Each re-indexing reads the translation's whole target text: the
 *     window bounds that work for translators saving without pause (docs/translation.md, Benchmark)
 */
@Validated
@ConfigurationProperties("verso.search")
public record SearchProperties(
        Path indexDir,
        @NotNull @DefaultValue("200ms") Duration refreshInterval,
        @Min(16) @Max(2048) @DefaultValue("64") int ramBufferMb,
        @Min(50) @Max(2000) @DefaultValue("200") int snippetLength,
        @Min(1) @Max(1000) @DefaultValue("20") int facetLimit,
        @Min(100) @Max(100000) @DefaultValue("10000") int maxResultWindow,
        @DefaultValue("true") boolean checkOnStartup,
        @Min(100) @Max(100000) @DefaultValue("2000") int rebuildCommitEvery,
        @Min(0) @Max(100000) @DefaultValue("1000") int cacheSize,
        @Min(0) @Max(100_000_000) @DefaultValue("20000") long countSampleAbove,
        @Min(0) @Max(1024) @DefaultValue("0") int concurrentSearches,
        @Min(0) @Max(100_000_000) @DefaultValue("10000") long queueAbove,
        @NotNull @DefaultValue("1s") Duration translationIndexWindow) {

    public SearchProperties {
        if (refreshInterval != null
                && (refreshInterval.compareTo(Duration.ofMillis(10)) < 0
                        || refreshInterval.compareTo(Duration.ofSeconds(1)) > 0)) {
            throw new IllegalArgumentException(
                    "verso.search.refresh-interval must be between 10ms and 1s (documents must be searchable within"
                            + " a second), not " + refreshInterval.toMillis() + "ms");
        }
        if (translationIndexWindow != null
                && (translationIndexWindow.isNegative()
                        || translationIndexWindow.compareTo(Duration.ofSeconds(60)) > 0)) {
            throw new IllegalArgumentException(
                    "verso.search.translation-index-window must be between 0 and 60s (saved text must become"
                            + " searchable soon), not " + translationIndexWindow.toMillis() + "ms");
        }
        if (countSampleAbove > 0 && countSampleAbove < 1000) {
            throw new IllegalArgumentException("verso.search.count-sample-above must be 0 (always count exactly) or at"
                    + " least 1000 (a smaller sample says too little), not " + countSampleAbove);
        }
    }

    /** Defaults with the index in the given directory (tests, benchmarks). */
    public static SearchProperties defaults(Path indexDir) {
        return new SearchProperties(
                indexDir,
                Duration.ofMillis(200),
                64,
                200,
                20,
                10000,
                true,
                2000,
                1000,
                20000,
                0,
                10000,
                Duration.ofSeconds(1));
    }

    /** This configuration with the index in another directory. */
    public SearchProperties withIndexDir(Path dir) {
        return copy(dir, cacheSize, countSampleAbove, concurrentSearches, queueAbove);
    }

    /** This configuration with another cache size (0: none). */
    public SearchProperties withCacheSize(int size) {
        return copy(indexDir, size, countSampleAbove, concurrentSearches, queueAbove);
    }

    /** This configuration with another sampling threshold (0: always count exactly). */
    public SearchProperties withCountSampleAbove(long postings) {
        return copy(indexDir, cacheSize, postings, concurrentSearches, queueAbove);
    }

    /** This configuration with another number of searches computed at once (0: as many as there are cores). */
    public SearchProperties withConcurrentSearches(int searches) {
        return copy(indexDir, cacheSize, countSampleAbove, searches, queueAbove);
    }

    /** This configuration with another bound of a narrow search (0: every search takes a broad search's turn). */
    public SearchProperties withQueueAbove(long postings) {
        return copy(indexDir, cacheSize, countSampleAbove, concurrentSearches, postings);
    }

    private SearchProperties copy(Path dir, int cache, long sampleAbove, int searches, long queue) {
        return new SearchProperties(
                dir,
                refreshInterval,
                ramBufferMb,
                snippetLength,
                facetLimit,
                maxResultWindow,
                checkOnStartup,
                rebuildCommitEvery,
                cache,
                sampleAbove,
                searches,
                queue,
                translationIndexWindow);
    }

    /** How many searches are computed at once: {@link #concurrentSearches}, or the number of cores for 0. */
    public int searchesAtOnce() {
        return concurrentSearches > 0
                ? concurrentSearches
                : Runtime.getRuntime().availableProcessors();
    }
}
