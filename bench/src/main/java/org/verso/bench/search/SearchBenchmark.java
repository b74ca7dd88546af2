package org.verso.bench.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.bench.Trees;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchCacheStatistics;
import org.verso.search.SearchFilters;
import org.verso.search.SearchQuery;
import org.verso.search.SortOrder;
import org.verso.web.VersoApplication;

/**
 * Search at library scale: builds a library of 100,000 documents (and their translations) recombined from the corpus
 * into the application's own index, then, three times ({@code -Druns=}), starts the application with the cache on and
 * again with it off and runs the same stream of searches (a) over HTTP against the running application from 16
 * concurrent clients on loopback, (b) in-process through the search service, (c) on the bare Lucene
 * {@code IndexSearcher} of the same index, and prints latency, throughput, the goals against the bare search
 * ({@link Goals}: met or missed per run), the runs' spread, the machine's load, indexing throughput and the index
 * size. Run with {@code scripts/bench search}.
 */
public final class SearchBenchmark {
    private static final int CLIENTS = 16;
    private static final String PASSWORD = "bench-admin-password";

    /** A query of the benchmark: text and an optional language filter. */
    record Query(String text, String lang) {
        SearchQuery search() {
            SearchFilters filters = lang == null
                    ? SearchFilters.NONE
                    : new SearchFilters(Set.of(lang), Set.of(), Set.of(), Set.of(), Set.of());
            return new SearchQuery(text, filters, SortOrder.RELEVANCE, 1, 10);
        }

        /** The same search made unique by a word that excludes nothing (no cache has seen it). */
        SearchQuery distinct(int n) {
            SearchQuery search = search();
            return new SearchQuery(
                    search.text() + " -zzunseen" + n, search.filters(), search.sort(), search.page(), search.size());
        }

        String path() {
            return "/search?size=10&q=" + SessionClient.enc(text) + (lang == null ? "" : "&lang=" + lang);
        }
    }

    static final List<Query> QUERIES = List.of(
            new Query("torture or cruel, inhuman or degrading treatment or punishment", null),
            new Query("freedom of peaceful assembly and association", null),
            new Query("right to education", null),
            new Query("persons deprived of their liberty shall be treated with humanity", null),
            new Query("пытки жестокие бесчеловечные или унижающие достоинство виды обращения", null),
            new Query("Всеобщая декларация прав человека", null),
            new Query("свобода мирных собраний и ассоциаций", null),
            new Query("право на образование", null),
            new Query("\"degrading treatment\"", null),
            new Query("asylum", null),
            new Query("nationality AND marriage", null),
            new Query("educat*", null),
            new Query("tortre~", null),
            new Query("title:declaration", null),
            new Query("police AND dignity", null),
            new Query("torture", "ru"),
            new Query("гражданство", null),
            new Query("liberté d'expression", null),
            new Query("Würde des Menschen", null),
            new Query("derecho a la educación", null),
            new Query("vrijheid van godsdienst", null),
            new Query("право на освіту", null),
            new Query("人人", null),
            new Query("kind:charter AND slavery", null));

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus")).normalize();
        int documents = Integer.getInteger("documents", 100_000);
        int requests = Integer.getInteger("requests", 300);
        int topics = Integer.getInteger("topics", 10_000);
        Path data = Trees.temporary("verso-search-bench-");
        System.out.printf(
                "Search benchmark: %d documents, %d clients × %d requests per run, data in %s%n",
                documents, CLIENTS, requests, data);
        BenchLibrary library = new BenchLibrary(corpus);
        try {
            double[] indexing = build(data, library, documents);
            QueryMix mix = new QueryMix(library, topics, ZIPF, MIX_SEED);
            int calls = CLIENTS * requests;
            // one stream per purpose, all of the same mix (the warm-up draws its own)
            List<QueryMix.Request> measured = mix.stream(calls * 2, 13);
            List<QueryMix.Request> inProcess = mix.stream(calls * 2, 17);
            System.out.printf(
                    "Query mix: %d topics (the %d hand-written queries and words and phrases of the library's"
                            + " paragraphs), Zipf popularity %.1f, sessions of a query with page turns, facet clicks"
                            + " and date order; %d requests per run, %d different searches (page left out) among"
                            + " them%n",
                    mix.topics(), QUERIES.size(), ZIPF, calls, QueryMix.distinct(used(measured, requests)));
            List<Goals.Round> rounds = new ArrayList<>();
            for (int r = 1; r <= RUNS; r++) {
                System.out.printf("%n-- starting run %d of %d (load average %s)%n", r, RUNS, loadAverage());
                String loadBefore = loadAverage();
                Run cached = run(data, library, 1000, mix, measured, inProcess, requests, true);
                Run uncached = run(data, library, 0, mix, measured, inProcess, requests, false);
                String loadAfter = loadAverage();
                System.out.println();
                cached.print("cache on (1000 searches)");
                uncached.print("cache off");
                Goals.Round round = new Goals.Round(
                        r,
                        new Goals.Pair(cached.http(), cached.bare()),
                        new Goals.Pair(uncached.http(), uncached.bare()),
                        loadBefore,
                        loadAfter,
                        Math.max(cached.otherCores(), uncached.otherCores()));
                rounds.add(round);
                Goals.print(round, RUNS);
            }
            for (Goals.Round round : rounds) {
                Goals.print(round, RUNS);
            }
            Goals.printSpread(rounds);
            System.out.printf(
                    "%nIndexing: %.0f documents/s (%d documents + %d translations); index size %.1f MB (%.1f kB per"
                            + " document)%n",
                    indexing[0], documents, (long) indexing[2], indexing[1] / 1e6, indexing[1] / 1e3 / documents);
        } finally {
            Trees.delete(data);
        }
    }

    static final double ZIPF = 0.8;
    /** The seed of the topics' popularity: the same pool of topics in every run and tool. */
    static final long MIX_SEED = 7;

    /** The requests the clients of a run make of a stream: each client's first {@code requests}. */
    private static List<QueryMix.Request> used(List<QueryMix.Request> stream, int requests) {
        List<QueryMix.Request> used = new ArrayList<>();
        for (List<QueryMix.Request> mine : QueryMix.perClient(stream, CLIENTS)) {
            for (int i = 0; i < requests; i++) {
                used.add(mine.get(i % mine.size()));
            }
        }
        return used;
    }

    /** What one run of the application measured. */
    private record Run(
            Load.Figures http,
            Load.Figures service,
            Load.Figures bare,
            double hitRatio,
            double serviceHitRatio,
            List<Load.Figures> extras) {
        /** The most cores' worth of CPU other processes took during one of the measured phases. */
        double otherCores() {
            double most = Math.max(http.otherCores(), Math.max(service.otherCores(), bare.otherCores()));
            for (Load.Figures extra : extras) {
                most = Math.max(most, extra.otherCores());
            }
            return most;
        }

        void print(String what) {
            System.out.printf("— %s%n", what);
            System.out.println(http + String.format("   cache hits %.0f%%", 100 * hitRatio));
            System.out.println(service + String.format("   cache hits %.0f%%", 100 * serviceHitRatio));
            System.out.println(bare);
            extras.forEach(System.out::println);
        }
    }

    /** Starts the application on the data directory and builds the library in its index. */
    private static double[] build(Path data, BenchLibrary library, int documents) throws Exception {
        try (ConfigurableApplicationContext app = start(data, 1000)) {
            LibraryIndex index = app.getBean(LibraryIndex.class);
            long start = System.nanoTime();
            long translations = library.load(index, documents); // a bulk load: one segment when it closes
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes = size(data.resolve("index"));
            System.out.printf(
                    "Indexed %d documents + %d translations from %d languages in %.1f s (one segment after the"
                            + " load): %.0f documents/s; index %.1f MB on disk%n",
                    documents, translations, library.languages(), seconds, documents / seconds, bytes / 1e6);
            for (Query query : QUERIES) {
                var result = index.search(query.search());
                System.out.printf(
                        "  %s%7d documents  %s%s%n",
                        result.approximate() ? "≈" : " ",
                        result.total(),
                        query.text(),
                        query.lang() == null ? "" : "  [lang=" + query.lang() + "]");
            }
            return new double[] {documents / seconds, bytes, translations};
        }
    }

    /**
     * One run on the built index with the given cache size: HTTP from 16 signed-in clients, the same searches in
     * process, the bare Lucene search of the same searches.
     */
    private static Run run(
            Path data,
            BenchLibrary library,
            int cacheSize,
            QueryMix mix,
            List<QueryMix.Request> measured,
            List<QueryMix.Request> inProcess,
            int requests,
            boolean withBasic)
            throws Exception {
        try (ConfigurableApplicationContext app = start(data, cacheSize)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            LibraryIndex index = app.getBean(LibraryIndex.class);
            List<SessionClient> sessions = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                sessions.add(SessionClient.signedIn(port, "admin", PASSWORD));
            }
            List<List<QueryMix.Request>> httpSplit = QueryMix.perClient(measured, CLIENTS);
            List<List<QueryMix.Request>> serviceSplit = QueryMix.perClient(inProcess, CLIENTS);
            warmUp(mix, sessions, index, requests);

            var before = index.cacheStatistics();
            Load.Figures overHttp = Load.run(
                    "HTTP GET /search (JSON, session), cache " + cacheSize,
                    CLIENTS,
                    requests,
                    http(sessions, httpSplit));
            double hitRatio = hitRatio(before, index.cacheStatistics());
            before = index.cacheStatistics();
            Load.Figures service = Load.run(
                    "LibraryIndex.search (in process)",
                    CLIENTS,
                    requests,
                    clients(c -> i ->
                            index.search(request(serviceSplit, c, i).search()).total()));
            double serviceHitRatio = hitRatio(before, index.cacheStatistics());
            Load.Figures raw =
                    Load.run("bare IndexSearcher.search of the HTTP run", CLIENTS, requests, bare(index, httpSplit));
            List<Load.Figures> extras = new ArrayList<>();
            if (withBasic && EXTRAS) {
                List<Load.Client> viaBasic = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    SessionClient client = SessionClient.basic(port, "admin", PASSWORD);
                    int mine = c;
                    viaBasic.add(i ->
                            client.getJson("/api" + request(httpSplit, mine, i).path()));
                }
                extras.add(
                        Load.run("HTTP GET /api/search (HTTP Basic)", CLIENTS, Math.max(5, requests / 20), viaBasic));
            } else if (!withBasic) {
                // what an HTTP request costs here without any search: the same chain, an answer of "[]"
                List<Load.Client> floor = new ArrayList<>();
                sessions.forEach(session -> floor.add(i -> session.getJson("/search/suggest?q=")));
                extras.add(Load.run("HTTP floor: GET /search/suggest?q= (no search)", CLIENTS, requests, floor));
            }
            if (!withBasic && EXTRAS) {
                // the earlier benchmark: the 24 hand-written queries over and over (heavier than the mix)
                List<Load.Client> fixed = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    SessionClient session = sessions.get(c);
                    int offset = c * 7;
                    fixed.add(i -> session.getJson(
                            QUERIES.get((offset + i) % QUERIES.size()).path()));
                }
                extras.add(Load.run("HTTP, the 24 hand-written queries", CLIENTS, requests, fixed));
                extras.add(Load.run(
                        "LibraryIndex.search, the 24 queries",
                        CLIENTS,
                        requests,
                        clients(c -> i -> index.search(QUERIES.get((c * 7 + i) % QUERIES.size())
                                        .search())
                                .total())));
                extras.add(Load.run(
                        "bare IndexSearcher.search, the 24 queries",
                        CLIENTS,
                        requests,
                        clients(c -> i -> index.searchBare(
                                QUERIES.get((c * 7 + i) % QUERIES.size()).search()))));
            }
            return new Run(overHttp, service, raw, hitRatio, serviceHitRatio, extras);
        }
    }

    /** Runs of the application (each: a start with the cache on, then one with it off) on the one index. */
    private static final int RUNS = Integer.getInteger("runs", 3);

    /** Also HTTP Basic and the 24 hand-written queries over and over (HTTP, in process, bare), as earlier runs did. */
    private static final boolean EXTRAS = Boolean.getBoolean("extras");

    /** Most warm-up rounds before measuring anyway. */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("warmUpRounds", 20);

    /**
     * Searches until the JIT compilers are done with the code the measured runs take: rounds of new searches of the
     * mix (never the measured ones) over HTTP, in process and bare, until the compilers' share of a round's CPU falls
     * under 3% (at least two rounds; at most {@link #WARM_UP_ROUNDS}). A server answers searches for days; what it
     * costs while HotSpot is still compiling it (early runs: a third of the process's CPU in its compiler threads,
     * for minutes) is not its speed.
     */
    private static void warmUp(QueryMix mix, List<SessionClient> sessions, LibraryIndex index, int requests)
            throws Exception {
        int perClient = Math.max(20, requests / 2);
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            List<List<QueryMix.Request>> split =
                    QueryMix.perClient(mix.stream(CLIENTS * perClient, 1000 + round), CLIENTS);
            Load.Figures http = Load.run("warm-up http", CLIENTS, perClient, http(sessions, split));
            Load.Figures service = Load.run(
                    "warm-up in process",
                    CLIENTS,
                    perClient,
                    clients(c ->
                            i -> index.search(request(split, c, i).search()).total()));
            Load.Figures bare = Load.run("warm-up bare", CLIENTS, perClient, bare(index, split));
            double share = (http.compileMillis() + service.compileMillis() + bare.compileMillis())
                    / ((http.seconds() + service.seconds() + bare.seconds())
                            * 1000
                            * Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "  warm-up round %d: HTTP %.0f /s, in process %.0f /s, bare %.0f /s; JIT compilers %.0f%% of the"
                            + " CPU%n",
                    round, http.throughput(), service.throughput(), bare.throughput(), 100 * share);
            if (round >= 2 && share < 0.03) {
                return;
            }
        }
        System.out.printf("  the JIT compilers were still busy after %d warm-up rounds%n", WARM_UP_ROUNDS);
    }

    private static ConfigurableApplicationContext start(Path data, int cacheSize) {
        return new SpringApplicationBuilder(VersoApplication.class)
                .properties(
                        "verso.data-dir=" + data,
                        "verso.admin-password=" + PASSWORD,
                        "server.port=0",
                        "verso.search.cache-size=" + cacheSize,
                        // the benchmark library lives in the index only; a check against the (empty) catalogue
                        // would rebuild it away
                        "verso.search.check-on-startup=false",
                        "logging.level.root=warn",
                        "logging.level.org.verso=warn")
                .run();
    }

    private static QueryMix.Request request(List<List<QueryMix.Request>> split, int client, int i) {
        List<QueryMix.Request> mine = split.get(client);
        return mine.get(i % mine.size());
    }

    private static List<Load.Client> http(List<SessionClient> sessions, List<List<QueryMix.Request>> split) {
        List<Load.Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            SessionClient session = sessions.get(c);
            int mine = c;
            clients.add(i -> session.getJson(request(split, mine, i).path()));
        }
        return clients;
    }

    private static List<Load.Client> bare(LibraryIndex index, List<List<QueryMix.Request>> split) {
        return clients(c -> i -> index.searchBare(request(split, c, i).search()));
    }

    static double hitRatio(SearchCacheStatistics before, SearchCacheStatistics after) {
        long hits = after.hits() - before.hits();
        long all = hits + after.misses() - before.misses();
        return all == 0 ? 0 : (double) hits / all;
    }

    /** The 1, 5 and 15 minute load averages, or "?" where /proc is not there. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private interface PerClient {
        Load.Client of(int client);
    }

    private static List<Load.Client> clients(PerClient perClient) {
        List<Load.Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(perClient.of(c));
        }
        return clients;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
