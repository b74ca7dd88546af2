package org.verso.bench.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchProperties;

/**
 * Where a search's time goes, per query, measured as CPU time of one thread (so that other processes on the machine
 * distort it less than wall-clock figures): {@code LibraryIndex.search} against the bare {@code IndexSearcher} on the
 * same index, sequentially, no HTTP. Keeps the index it builds in {@code -Dindex=} (default
 * {@code /tmp/verso-search-profile-<documents>}) to be reused by the next run; delete it after changing the index
 * layout. For working on search speed; the benchmark of record is {@link SearchBenchmark}.
 */
public final class SearchProfile {
    private SearchProfile() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus")).normalize();
        int documents = Integer.getInteger("documents", 20_000);
        int rounds = Integer.getInteger("rounds", 20);
        Path dir = Path.of(System.getProperty("index", "/tmp/verso-search-profile-" + documents));
        boolean build = !Files.isDirectory(dir);
        boolean searchOnly = Boolean.getBoolean("searchOnly");
        // every round a query of its own (with a word that excludes nothing), so that no cache, ours or Lucene's
        // query cache, answers it: the cost of a query seen for the first time
        boolean distinct = Boolean.getBoolean("distinct");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (LibraryIndex index = new LibraryIndex(SearchProperties.defaults(dir)
                .withCacheSize(Integer.getInteger("cacheSize", 0))
                .withCountSampleAbove(Long.getLong(
                        "sampleAbove", SearchProperties.defaults(dir).countSampleAbove())))) {
            if (build) {
                long start = System.nanoTime();
                new BenchLibrary(corpus).load(index, documents);
                System.out.printf(
                        "built %d documents in %.1f s into %s%n", documents, (System.nanoTime() - start) / 1e9, dir);
            }
            if (Boolean.getBoolean("mix")) {
                mix(index, new BenchLibrary(corpus), Integer.getInteger("searches", 3000), searchOnly);
                return;
            }
            System.out.printf("%10s %10s %7s  %8s  query%n", "search ms", "bare ms", "ratio", "total");
            double sumSearch = 0;
            double sumBare = 0;
            for (SearchBenchmark.Query query : SearchBenchmark.QUERIES) {
                long total = 0;
                for (int i = 0; i < 5; i++) {
                    total = index.search(query.search()).total();
                    index.searchBare(query.search());
                }
                long t = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < rounds; i++) {
                    index.search(distinct ? query.distinct(i) : query.search());
                }
                double search = (cpu.getCurrentThreadCpuTime() - t) / 1e6 / rounds;
                t = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < (searchOnly ? 0 : rounds); i++) {
                    index.searchBare(distinct ? query.distinct(i) : query.search());
                }
                double bare = (cpu.getCurrentThreadCpuTime() - t) / 1e6 / rounds;
                sumSearch += search;
                sumBare += bare;
                System.out.printf(
                        "%10.2f %10.2f %7.2f  %8d  %s%s%n",
                        search,
                        bare,
                        bare / search,
                        total,
                        query.text(),
                        query.lang() == null ? "" : " [lang=" + query.lang() + "]");
            }
            System.out.printf(
                    "%10.2f %10.2f %7.2f  all queries: CPU ms per search (bare/search = throughput ratio on a"
                            + " saturated machine)%n",
                    sumSearch / SearchBenchmark.QUERIES.size(),
                    sumBare / SearchBenchmark.QUERIES.size(),
                    sumBare / sumSearch);
        }
    }

    /** The benchmark's stream of searches, one after the other: CPU time per search with what the cache did. */
    private static void mix(LibraryIndex index, BenchLibrary library, int requests, boolean searchOnly) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        QueryMix mix = new QueryMix(
                library, Integer.getInteger("topics", 10_000), SearchBenchmark.ZIPF, SearchBenchmark.MIX_SEED);
        List<QueryMix.Request> stream = mix.stream(requests + requests / 2, 11);
        List<QueryMix.Request> warm = stream.subList(0, requests / 2);
        List<QueryMix.Request> measured = stream.subList(requests / 2, stream.size());
        warm.forEach(r -> index.search(r.search()));
        warm.forEach(r -> index.searchBare(r.search()));
        var before = index.cacheStatistics();
        long t = cpu.getCurrentThreadCpuTime();
        measured.forEach(r -> index.search(r.search()));
        double search = (cpu.getCurrentThreadCpuTime() - t) / 1e6 / measured.size();
        var after = index.cacheStatistics();
        t = cpu.getCurrentThreadCpuTime();
        if (!searchOnly) {
            measured.forEach(r -> index.searchBare(r.search()));
        }
        double bare = (cpu.getCurrentThreadCpuTime() - t) / 1e6 / measured.size();
        System.out.printf(
                "mix: %d searches (%d distinct, %d topics), cache %d entries: hit ratio %.2f; CPU ms per search:"
                        + " search %.2f, bare %.2f, bare/search %.2f%n",
                measured.size(),
                QueryMix.distinct(measured),
                mix.topics(),
                after.capacity(),
                SearchBenchmark.hitRatio(before, after),
                search,
                bare,
                bare / search);
    }
}
