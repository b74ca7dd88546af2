package org.verso.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.verso.bench.Trees;
import org.verso.library.LanguageTag;
import org.verso.memory.ImportReport;
import org.verso.memory.MatchQuery;
import org.verso.memory.TmxFiles;
import org.verso.memory.TmxUpload;
import org.verso.memory.TranslationMemory;

/**
 * TMX import into a memory growing to N units (default 1,000,000; {@code -Dbench.units}), in files of 100,000 units
 * ({@code -Dbench.file}) each imported through {@link TmxFiles} (parse, duplicate check, insert, index) on an H2 file
 * database, against the raw baseline of the same rows written by one plain JDBC batch into a copy of the table. Then
 * the memory's rebuild from the database (what every start does) and the heap it holds. Run with {@code -Xmx1g}:
 * the heap must hold the memory. Prints, asserts nothing. See docs/memory.md.
 */
public final class TmxImportBenchmark {
    @SpringBootApplication(
            scanBasePackages = {"org.verso.library", "org.verso.accounts", "org.verso.translation", "org.verso.memory"})
    @ConfigurationPropertiesScan({"org.verso.library", "org.verso.accounts", "org.verso.translation", "org.verso.memory"
    })
    static class App {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private TmxImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus"));
        int units = Integer.getInteger("bench.units", 1_000_000);
        int perFile = Integer.getInteger("bench.file", 100_000);
        List<String[]> english = new ArrayList<>();
        List<String[]> russian = new ArrayList<>();
        MemoryBenchmark.sentences(corpus.resolve("translation/tmx/omegat-l10n_en-ru.tmx"), english, russian);
        Path data = Trees.temporary("verso-tmx-bench-");
        System.out.printf(
                "TMX import: %,d units in files of %,d, H2 file database in %s; load average %.1f; max heap %d MB%n",
                units, perFile, data, load(), Runtime.getRuntime().maxMemory() >> 20);
        String[] props = {
            "--verso.data-dir=" + data,
            "--spring.datasource.url=jdbc:h2:file:retry:" + data + "/db/verso;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;CACHE_SIZE=65536",
            "--spring.datasource.username=verso",
            "--spring.datasource.password=",
            "--spring.flyway.locations=classpath:db/migration/library,classpath:db/migration/accounts,"
                    + "classpath:db/migration/translation,classpath:db/migration/memory",
            "--spring.flyway.out-of-order=true",
            "--spring.batch.jdbc.initialize-schema=never",
            "--spring.batch.job.enabled=false",
            "--spring.main.web-application-type=none",
            "--spring.main.banner-mode=off",
            "--logging.level.root=warn",
            "--verso.admin-password=tmx-bench-admin-password"
        };
        Random random = new Random(Long.getLong("bench.seed", 11));
        try (ConfigurableApplicationContext context = new SpringApplication(App.class).run(props)) {
            TmxFiles tmx = context.getBean(TmxFiles.class);
            TranslationMemory memory = context.getBean(TranslationMemory.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE raw_unit AS SELECT * FROM memory_unit WHERE 1 = 0");
            // the same indexes as the memory's table: the baseline pays for them too
            jdbc.execute("CREATE UNIQUE INDEX raw_unit_content_uq ON raw_unit (content_key)");
            jdbc.execute("CREATE INDEX raw_unit_pair_ix ON raw_unit (source_language, target_language, ordinal)");
            long verso = 0;
            long raw = 0;
            int imported = 0;
            for (int file = 0; imported < units; file++) {
                int n = Math.min(perFile, units - imported);
                List<String[]> pairs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    // a pair of recombined sentences: near-duplicates of each other across units, never identical
                    pairs.add(new String[] {
                        MemoryBenchmark.recombine(random, english) + " (" + file + "." + i + ")",
                        MemoryBenchmark.recombine(random, russian) + " (" + file + "." + i + ")"
                    });
                }
                byte[] content = tmx(pairs);
                long start = System.nanoTime();
                ImportReport report = tmx.importFiles(List.of(new TmxUpload("bench-" + file + ".tmx", content)));
                long took = System.nanoTime() - start;
                start = System.nanoTime();
                rawInsert(jdbc, pairs);
                long rawTook = System.nanoTime() - start;
                verso += took;
                raw += rawTook;
                imported += n;
                System.out.printf(
                        "file %2d: %,d added (%,d skipped); Verso %,.0f units/s, raw JDBC %,.0f units/s, ratio %.2f;"
                                + " memory now %,d units; load %.1f%n",
                        file + 1,
                        report.added(),
                        report.skipped(),
                        n / (took / 1e9),
                        n / (rawTook / 1e9),
                        (double) rawTook / took,
                        memory.size(),
                        load());
            }
            System.out.printf(
                    "import of %,d units: Verso %,.0f units/s (%.1f s), raw JDBC batch %,.0f units/s (%.1f s), ratio"
                            + " raw/Verso %.2f%n",
                    imported,
                    imported / (verso / 1e9),
                    verso / 1e9,
                    imported / (raw / 1e9),
                    raw / 1e9,
                    (double) raw / verso);
            long start = System.nanoTime();
            int rebuilt = memory.rebuild();
            double rebuildSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long rawRead = jdbc.query(
                    "SELECT id, source_language, target_language, source FROM memory_unit ORDER BY ordinal", rs -> {
                        long chars = 0;
                        while (rs.next()) {
                            chars += rs.getString(4).length() + rs.getString(2).length();
                        }
                        return chars;
                    });
            double readSeconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    "rebuild of %,d units: %.1f s (reading the same rows alone: %.1f s, %,d chars); heap used after a"
                            + " full GC with the memory indexed: %d MB of %d MB max; load %.1f%n",
                    rebuilt,
                    rebuildSeconds,
                    readSeconds,
                    rawRead,
                    heap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    load());
            matches(memory, english);
        }
    }

    /**
     * Lookups through {@link TranslationMemory#matches} (index, units read by id, final scores): CPU per lookup of a
     * first pass (units read from the database) and of a second pass over the same queries (units cached).
     */
    private static void matches(TranslationMemory memory, List<String[]> english) {
        Random other = new Random(Long.getLong("bench.seed", 11) + 1000);
        List<MatchQuery> queries = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.queries", 1000); i++) {
            String q =
                    i % 3 == 0 ? MemoryBenchmark.shortQuery(other, english) : MemoryBenchmark.recombine(other, english);
            queries.add(MatchQuery.of(q, LanguageTag.of("en"), LanguageTag.of("ru"), 5));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String pass : new String[] {"first pass (units from the database)", "second pass (units cached)"}) {
            long[] cpu = new long[queries.size()];
            int found = 0;
            for (int i = 0; i < cpu.length; i++) {
                long c = threads.getCurrentThreadCpuTime();
                found += memory.matches(queries.get(i)).isEmpty() ? 0 : 1;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
            }
            long[] sorted = cpu.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "matches, %s: CPU per lookup mean %.3f ms, p50 %.3f ms, p99 %.3f ms (%d of %d with a match); load %.1f%n",
                    pass,
                    Arrays.stream(cpu).average().orElse(0) / 1e6,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
                    found,
                    cpu.length,
                    load());
        }
    }

    private static byte[] tmx(List<String[]> pairs) {
        StringBuilder out = new StringBuilder(pairs.size() * 300);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"bench\""
                + " creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en\" srclang=\"en\""
                + " datatype=\"plaintext\"/><body>\n");
        for (String[] pair : pairs) {
            out.append("<tu><tuv xml:lang=\"en\"><seg>")
                    .append(escape(pair[0]))
                    .append("</seg></tuv><tuv xml:lang=\"ru\"><seg>")
                    .append(escape(pair[1]))
                    .append("</seg></tuv></tu>\n");
        }
        out.append("</body></tmx>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The raw baseline: the same rows, one JDBC batch, no parsing, no duplicate check, no index. */
    private static void rawInsert(JdbcTemplate jdbc, List<String[]> pairs) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(
                "INSERT INTO raw_unit (id, source_language, target_language, source, target, origin, created_at,"
                        + " content_key) VALUES (?, 'en', 'ru', ?, ?, 'IMPORTED', ?, ?)",
                pairs,
                500,
                (ps, pair) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, pair[0]);
                    ps.setString(3, pair[1]);
                    ps.setTimestamp(4, now);
                    ps.setString(5, UUID.randomUUID().toString());
                });
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
