package org.verso.bench.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.search.LibraryIndex;
import org.verso.search.SearchFilters;
import org.verso.search.SearchQuery;
import org.verso.search.SortOrder;

/**
 * Search at library scale: builds a library of 100,000 documents (and their translations) recombined from the corpus
 * into the application's own index, then runs the same judged and everyday queries (a) over HTTP against the running
 * application from 16 concurrent clients on loopback, (b) in-process through the search service, (c) on the bare
 * Lucene {@code IndexSearcher} of the same index, and prints latency, throughput, the HTTP/bare ratio, indexing
 * throughput and the index size. Run with {@code mvn -q -pl bench -am process-test-classes -Psearch-bench}.
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
        Path data = Files.createTempDirectory("verso-search-bench-");
        System.out.printf(
                "Search benchmark: %d documents, %d clients × %d requests, data in %s%n",
                documents, CLIENTS, requests, data);

        BenchLibrary library = new BenchLibrary(corpus);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SearchBenchApplication.class)
                .properties(
                        "verso.data-dir=" + data,
                        "verso.admin-password=" + PASSWORD,
                        "server.port=0",
                        // the benchmark library lives in the index only; a check against the (empty) catalogue
                        // would rebuild it away
                        "verso.search.check-on-startup=false",
                        "logging.level.root=warn",
                        "logging.level.org.verso=warn")
                .run();
        try {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            LibraryIndex index = app.getBean(LibraryIndex.class);

            // indexing
            Random random = new Random(42);
            long translations = 0;
            long start = System.nanoTime();
            try (LibraryIndex.Batch batch = index.batch()) {
                for (long n = 0; n < documents; n++) {
                    BenchLibrary.Entry entry = library.entry(n, random);
                    translations += entry.translations().size();
                    batch.add(entry.document(), entry.translations());
                }
            }
            index.refresh();
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            long bytes = size(data.resolve("index"));
            System.out.printf(
                    "Indexed %d documents + %d translations from %d languages in %.1f s: %.0f documents/s; index %.1f MB on disk%n",
                    documents, translations, library.languages(), indexSeconds, documents / indexSeconds, bytes / 1e6);
            for (Query query : QUERIES) {
                System.out.printf(
                        "  %8d documents  %s%s%n",
                        index.search(query.search()).total(),
                        query.text(),
                        query.lang() == null ? "" : "  [lang=" + query.lang() + "]");
            }

            List<SessionClient> sessions = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                sessions.add(SessionClient.signedIn(port, "admin", PASSWORD));
            }
            List<Load.Client> http = sessions.stream()
                    .<Load.Client>map(
                            s -> i -> s.getJson(QUERIES.get(i % QUERIES.size()).path()))
                    .toList();
            List<Load.Client> service = clients(
                    i -> index.search(QUERIES.get(i % QUERIES.size()).search()).total());
            List<Load.Client> bare = clients(
                    i -> index.searchBare(QUERIES.get(i % QUERIES.size()).search()));

            // warm-up: JIT, caches, first use of every query
            Load.run("warm-up http", CLIENTS, Math.max(20, requests / 3), http);
            Load.run("warm-up service", CLIENTS, Math.max(20, requests / 3), service);
            Load.run("warm-up bare", CLIENTS, Math.max(20, requests / 3), bare);

            Load.Figures overHttp = Load.run("HTTP GET /search (JSON, session)", CLIENTS, requests, http);
            Load.Figures inProcess = Load.run("LibraryIndex.search (in process)", CLIENTS, requests, service);
            Load.Figures raw = Load.run("bare IndexSearcher.search(q, 10)", CLIENTS, requests, bare);
            List<Load.Client> basic = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                SessionClient client = SessionClient.basic(port, "admin", PASSWORD);
                basic.add(i ->
                        client.getJson("/api" + QUERIES.get(i % QUERIES.size()).path()));
            }
            Load.Figures overBasic =
                    Load.run("HTTP GET /api/search (HTTP Basic)", CLIENTS, Math.max(5, requests / 20), basic);

            System.out.println();
            System.out.println(overHttp);
            System.out.println(inProcess);
            System.out.println(raw);
            System.out.println(overBasic);
            System.out.printf(
                    "%nHTTP search throughput / bare Lucene throughput = %.2f (goal ≥ 0.5); HTTP p50 %.2f ms (goal ≤ 10),"
                            + " p99 %.2f ms (goal ≤ 50)%n",
                    overHttp.throughput() / raw.throughput(), overHttp.p50(), overHttp.p99());
            System.out.printf(
                    "Indexing: %.0f documents/s; index size %.1f MB (%.1f kB per document)%n",
                    documents / indexSeconds, bytes / 1e6, bytes / 1e3 / documents);
            System.out.printf(
                    "Load average at the end: %s (other processes on this machine share its cores: figures taken under"
                            + " load are pessimistic)%n",
                    loadAverage());
        } finally {
            app.close();
            delete(data);
        }
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

    private interface Call {
        long call(int i) throws Exception;
    }

    private static List<Load.Client> clients(Call call) {
        List<Load.Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(call::call);
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

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
