package org.verso.bench.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.search.LibraryIndex;
import org.verso.web.VersoApplication;

/**
 * Where the CPU time of a search over HTTP goes, by thread of the whole process (request threads, clients, garbage
 * collector, compilers…), read from {@code /proc/self/task}: the same stream of searches over HTTP, in process and on
 * the bare searcher, and the HTTP floor, from 16 clients ({@code -Dclients=}), six rounds ({@code -Drounds=}), or only
 * some of these ({@code -Dphases=HTTP,floor}). Keeps
 * its data directory in {@code -Ddata=} (default {@code /tmp/verso-search-threads-<documents>}) for the next run. For working on search speed; the
 * benchmark of record is {@link SearchBenchmark}.
 */
public final class SearchThreads {
    private static final String PASSWORD = "bench-admin-password";

    private SearchThreads() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus")).normalize();
        int documents = Integer.getInteger("documents", 20_000);
        int requests = Integer.getInteger("requests", 300);
        int clients = Integer.getInteger("clients", 16);
        int cacheSize = Integer.getInteger("cacheSize", 0);
        Path data = Path.of(System.getProperty("data", "/tmp/verso-search-threads-" + documents));
        boolean build = !Files.isDirectory(data.resolve("index"));
        BenchLibrary library = new BenchLibrary(corpus);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VersoApplication.class)
                .properties(
                        "verso.data-dir=" + data,
                        "verso.admin-password=" + PASSWORD,
                        "server.port=0",
                        "verso.search.cache-size=" + cacheSize,
                        "verso.search.check-on-startup=false",
                        "logging.level.root=warn",
                        "logging.level.org.verso=warn")
                .run()) {
            LibraryIndex index = app.getBean(LibraryIndex.class);
            if (build) {
                library.load(index, documents);
            }
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            QueryMix mix = new QueryMix(library, 10_000, SearchBenchmark.ZIPF, SearchBenchmark.MIX_SEED);
            List<QueryMix.Request> stream = mix.stream(requests * Math.max(1, clients), 13);
            List<List<QueryMix.Request>> split = QueryMix.perClient(stream, clients);
            List<SessionClient> sessions = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                sessions.add(SessionClient.signedIn(port, "admin", PASSWORD));
            }
            List<Load.Client> http = new ArrayList<>();
            List<Load.Client> inProcess = new ArrayList<>();
            List<Load.Client> bare = new ArrayList<>();
            List<Load.Client> floor = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                SessionClient session = sessions.get(c);
                List<QueryMix.Request> mine = split.get(c);
                http.add(i -> session.getJson(mine.get(i % mine.size()).path()));
                inProcess.add(
                        i -> index.search(mine.get(i % mine.size()).search()).total());
                bare.add(i -> index.searchBare(mine.get(i % mine.size()).search()));
                floor.add(i -> session.getJson("/search/suggest?q="));
            }
            Map<String, List<Load.Client>> phases = new LinkedHashMap<>();
            phases.put("HTTP", http);
            phases.put("in process", inProcess);
            phases.put("bare", bare);
            phases.put("floor", floor);
            // -Dphases=HTTP,floor measures only those (when working on the request chain)
            Set<String> chosen = Set.of(System.getProperty("phases", String.join(",", phases.keySet()))
                    .split(","));
            phases.keySet().retainAll(chosen);
            int warm = Math.max(50, requests / 2);
            for (var phase : phases.entrySet()) {
                Load.run("warm " + phase.getKey(), clients, warm, phase.getValue());
            }
            for (int round = 0; round < Integer.getInteger("rounds", 6); round++) {
                for (var phase : phases.entrySet()) {
                    measure(phase.getKey(), clients, requests, phase.getValue());
                }
            }
        }
    }

    private static void measure(String name, int clients, int requests, List<Load.Client> calls) throws Exception {
        Map<String, Long> before = ticks();
        long processBefore = processTicks();
        Load.Figures figures = Load.run(name, clients, requests, calls);
        long processAfter = processTicks();
        Map<String, Long> after = ticks();
        StringBuilder line = new StringBuilder(String.format(
                "%-11s %6.0f /s p50 %6.2f ms  request threads %5.3f ms/call  CPU %5.2f ms/call:",
                name, figures.throughput(), figures.p50(), figures.serverCpuPerCall(), 0.0));
        double total = 0;
        Map<String, Double> perCall = new TreeMap<>();
        for (var entry : after.entrySet()) {
            long ticks = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (ticks > 0) {
                double ms = ticks * 10.0 / figures.calls();
                perCall.put(entry.getKey(), ms);
                total += ms;
            }
        }
        double ended = (processAfter - processBefore) * 10.0 / figures.calls() - total;
        perCall.put("(clients, ended)", ended);
        total += ended;
        line.replace(line.indexOf("CPU") + 4, line.indexOf(" ms/call:"), String.format("%5.2f", total));
        perCall.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.01)
                .forEach(e -> line.append(String.format("  %s %.2f", e.getKey(), e.getValue())));
        System.out.println(line);
    }

    private static long processTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU clock ticks (user + system) of this process's threads so far, summed by name without digits. */
    private static Map<String, Long> ticks() throws Exception {
        Map<String, Long> sums = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    sums.merge(name.replaceAll("[0-9]+", "#"), ticks, Long::sum);
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return sums;
    }
}
