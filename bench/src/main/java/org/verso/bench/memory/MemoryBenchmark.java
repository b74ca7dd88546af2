package org.verso.bench.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verso.memory.FuzzyIndex;

/**
 * Fuzzy lookups on a memory of N units (default 1,000,000; {@code -Dbench.units}) built from the corpus's sentences
 * recombined (several language pairs, near-duplicates, short and long), against queries the memory has not seen:
 * p50/p99 of one client and of 16 at once, top-5 recall and top-1 agreement against the exhaustive scoring of every
 * unit (OmegaT's method) and the time of that scan; wall and CPU time per lookup (mean, p50, p99), the CPU time
 * the steadier figure on a shared machine. Prints, asserts nothing. See docs/memory.md.
 */
public final class MemoryBenchmark {
    private static final Pattern SEG = Pattern.compile("<seg>(.*?)</seg>", Pattern.DOTALL);
    private static final int MIN_SCORE = 70;

    private MemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus"));
        int units = Integer.getInteger("bench.units", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 2000);
        int checked = Integer.getInteger("bench.checked", 200);
        long seed = Long.getLong("bench.seed", 7);

        List<String[]> english = new ArrayList<>();
        List<String[]> russian = new ArrayList<>();
        sentences(corpus.resolve("translation/tmx/omegat-l10n_en-ru.tmx"), english, russian);
        System.out.printf(
                "load average at start: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                "corpus: %d English and %d Russian sentences; building %,d units%n",
                english.size(), russian.size(), units);

        // three pairs: en→ru 60 %, ru→en 20 %, en→de 20 % (its own index, same English material)
        Random random = new Random(seed);
        FuzzyIndex enRu = new FuzzyIndex();
        FuzzyIndex ruEn = new FuzzyIndex();
        FuzzyIndex enDe = new FuzzyIndex();
        boolean trigrams = Boolean.getBoolean("bench.pg");
        List<UUID> enRuIds = new ArrayList<>();
        List<String> enRuSources = new ArrayList<>();
        System.gc();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        for (int i = 0; i < units; i++) {
            int pair = random.nextInt(10);
            if (pair < 6) {
                UUID id = UUID.randomUUID();
                String source = recombine(random, english);
                enRu.add(id, source);
                if (trigrams) {
                    enRuIds.add(id);
                    enRuSources.add(source);
                }
            } else if (pair < 8) {
                ruEn.add(UUID.randomUUID(), recombine(random, russian));
            } else {
                enDe.add(UUID.randomUUID(), recombine(random, english));
            }
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long heapAfter = usedHeap();
        System.out.printf(
                "built: en→ru %,d, ru→en %,d, en→de %,d units in %.1f s (%,.0f units/s); index heap ≈ %d MB (max %d MB)%n",
                enRu.size(),
                ruEn.size(),
                enDe.size(),
                buildSeconds,
                units / buildSeconds,
                (heapAfter - heapBefore) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);

        // queries unseen by the memory: recombined with another seed, a third of them short (1–3 words)
        Random other = new Random(seed + 1000);
        List<String> asked = new ArrayList<>();
        while (asked.size() < queries) {
            String q = asked.size() % 3 == 0 ? shortQuery(other, english) : recombine(other, english);
            asked.add(q);
        }
        // warm-up
        for (int i = 0; i < Math.min(500, asked.size()); i++) {
            enRu.best(asked.get(i), MIN_SCORE, 5);
        }

        long[] single = new long[asked.size()];
        long[] singleCpu = new long[asked.size()];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int found = 0;
        for (int i = 0; i < asked.size(); i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            found += enRu.best(asked.get(i), MIN_SCORE, 5).isEmpty() ? 0 : 1;
            single[i] = System.nanoTime() - t;
            singleCpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        print("1 client  (wall)", single);
        print("1 client  (CPU) ", singleCpu);
        System.out.printf("queries with a match ≥ %d %%: %d of %d%n", MIN_SCORE, found, asked.size());

        long[] concurrent = new long[asked.size()];
        long[] concurrentCpu = new long[asked.size()];
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        long wall = System.nanoTime();
        for (int c = 0; c < 16; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                for (int i = client; i < asked.size(); i += 16) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    enRu.best(asked.get(i), MIN_SCORE, 5);
                    concurrent[i] = System.nanoTime() - t;
                    concurrentCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        clients.shutdown();
        print("16 clients (wall)", concurrent);
        print("16 clients (CPU) ", concurrentCpu);
        System.out.printf(
                "16 clients: %.0f lookups/s on %d cores, load average %.1f%n",
                asked.size() / wallSeconds,
                cores(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());

        // quality and speed against the exhaustive scan, on the first `checked` queries
        int expected = 0;
        int kept = 0;
        int agreeing = 0;
        int withAnswer = 0;
        long[] scan = new long[Math.min(checked, asked.size())];
        long[] index = new long[scan.length];
        for (int i = 0; i < scan.length; i++) {
            String q = asked.get(i);
            long t = System.nanoTime();
            List<FuzzyIndex.Scored> truth = enRu.exhaustive(q, MIN_SCORE, 5);
            scan[i] = System.nanoTime() - t;
            t = System.nanoTime();
            List<FuzzyIndex.Scored> ours = enRu.best(q, MIN_SCORE, 5);
            index[i] = System.nanoTime() - t;
            Set<UUID> ourIds = new HashSet<>();
            ours.forEach(s -> ourIds.add(s.id()));
            for (FuzzyIndex.Scored s : truth) {
                expected++;
                kept += ourIds.contains(s.id()) ? 1 : 0;
            }
            if (!truth.isEmpty()) {
                withAnswer++;
                agreeing +=
                        !ours.isEmpty() && ours.get(0).score() == truth.get(0).score() ? 1 : 0;
            }
        }
        System.out.printf(
                "quality on %d queries: top-5 recall %.2f %% (%d of %d), top-1 agreement %.2f %% (%d of %d with a match)%n",
                scan.length,
                expected == 0 ? 100.0 : 100.0 * kept / expected,
                kept,
                expected,
                withAnswer == 0 ? 100.0 : 100.0 * agreeing / withAnswer,
                agreeing,
                withAnswer);
        print("exhaustive", scan);
        print("index     ", index);
        if (trigrams) {
            trigrams(enRuIds, enRuSources, asked.subList(0, scan.length), enRu, index);
        }
        System.out.printf(
                "load average at end: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                "exhaustive / index: p50 ×%.0f, mean ×%.0f%n",
                (double) percentile(scan, 50) / Math.max(1, percentile(index, 50)),
                (double) Arrays.stream(scan).sum()
                        / Math.max(1, Arrays.stream(index).sum()));
    }

    /** The same queries by pg_trgm: p50/p99, and its top 5 against the exhaustive word-level top 5. */
    private static void trigrams(
            List<UUID> ids, List<String> sources, List<String> queries, FuzzyIndex enRu, long[] indexNanos)
            throws Exception {
        try (TrigramBaseline pg = TrigramBaseline.connect()) {
            if (pg == null) {
                return;
            }
            System.out.printf(
                    "pg_trgm: %,d en→ru units loaded and GIN-indexed in %.1f s%n", ids.size(), pg.load(ids, sources));
            ids.clear();
            sources.clear();
            for (int i = 0; i < Math.min(50, queries.size()); i++) {
                pg.best(queries.get(i)); // warm-up
            }
            long[] nanos = new long[queries.size()];
            int expected = 0;
            int kept = 0;
            int agreeing = 0;
            int withAnswer = 0;
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                List<UUID> found = pg.best(queries.get(i));
                nanos[i] = System.nanoTime() - t;
                List<FuzzyIndex.Scored> truth = enRu.exhaustive(queries.get(i), MIN_SCORE, 5);
                for (FuzzyIndex.Scored s : truth) {
                    expected++;
                    kept += found.contains(s.id()) ? 1 : 0;
                }
                if (!truth.isEmpty()) {
                    withAnswer++;
                    int top = truth.get(0).score();
                    agreeing += !found.isEmpty()
                                    && truth.stream().anyMatch(s -> s.id().equals(found.get(0)) && s.score() == top)
                            ? 1
                            : 0;
                }
            }
            print("pg_trgm   ", nanos);
            System.out.printf(
                    "pg_trgm quality: top-5 recall %.2f %% (%d of %d), top-1 agreement %.2f %% (%d of %d)%n",
                    expected == 0 ? 100.0 : 100.0 * kept / expected,
                    kept,
                    expected,
                    withAnswer == 0 ? 100.0 : 100.0 * agreeing / withAnswer,
                    agreeing,
                    withAnswer);
            System.out.printf(
                    "pg_trgm / index: p50 ×%.0f, p99 ×%.0f%n",
                    (double) percentile(nanos, 50) / Math.max(1, percentile(indexNanos, 50)),
                    (double) percentile(nanos, 99) / Math.max(1, percentile(indexNanos, 99)));
        }
    }

    static void sentences(Path tmx, List<String[]> english, List<String[]> russian) throws IOException {
        String text = Files.readString(tmx, StandardCharsets.UTF_8);
        Matcher m = SEG.matcher(text);
        boolean en = true;
        while (m.find()) {
            String seg = m.group(1)
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .strip();
            (en ? english : russian).add(seg.split("\\s+"));
            en = !en;
        }
    }

    /** The head of one sentence and the tail of another, sometimes a word changed or a number put in. */
    static String recombine(Random random, List<String[]> sentences) {
        String[] a = sentences.get(random.nextInt(sentences.size()));
        String[] b = sentences.get(random.nextInt(sentences.size()));
        List<String> words = new ArrayList<>();
        int head = 1 + random.nextInt(a.length);
        words.addAll(Arrays.asList(a).subList(0, head));
        if (random.nextInt(4) > 0) {
            int tail = random.nextInt(b.length);
            words.addAll(Arrays.asList(b).subList(tail, b.length));
        }
        if (words.size() > 1 && random.nextInt(3) == 0) {
            String[] c = sentences.get(random.nextInt(sentences.size()));
            words.set(random.nextInt(words.size()), c[random.nextInt(c.length)]);
        }
        if (random.nextInt(5) == 0) {
            words.add(random.nextInt(words.size() + 1), Integer.toString(random.nextInt(2000)));
        }
        return String.join(" ", words);
    }

    static String shortQuery(Random random, List<String[]> sentences) {
        String[] a = sentences.get(random.nextInt(sentences.size()));
        int from = random.nextInt(a.length);
        int to = Math.min(a.length, from + 1 + random.nextInt(3));
        return String.join(" ", Arrays.asList(a).subList(from, to));
    }

    private static void print(String what, long[] nanos) {
        if (nanos.length == 0) {
            return;
        }
        System.out.printf(
                "%s: mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                what,
                Arrays.stream(nanos).average().orElse(0) / 1e6,
                percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6,
                percentile(nanos, 100) / 1e6);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
