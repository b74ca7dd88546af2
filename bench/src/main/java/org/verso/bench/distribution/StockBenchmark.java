package org.verso.bench.distribution;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.verso.accounts.AccountId;
import org.verso.bench.Trees;
import org.verso.distribution.EditionId;
import org.verso.distribution.FunderId;
import org.verso.distribution.InsufficientStock;
import org.verso.distribution.LocationId;
import org.verso.distribution.MovementType;
import org.verso.distribution.Paging;
import org.verso.distribution.Stock;
import org.verso.distribution.StockCommand;
import org.verso.distribution.StockFilter;
import org.verso.distribution.StockItem;
import org.verso.library.DocumentId;
import org.verso.translation.Revision;
import org.verso.translation.RevisionId;
import org.verso.translation.Revisions;

/**
 * The stock ledger at size (issue 15): a ledger of {@code -Dmovements} (default 1,000,000) over 50 editions × 500
 * locations × 5 funders, on H2 ({@code -Ddb=h2}, a fresh file) or PostgreSQL ({@code -Ddb=pg}, {@code VERSO_TEST_PG_*},
 * a fresh schema). Prints: the balance of one item through {@link Stock#balance} (p50, p99) against a plain SQL
 * {@code SUM} over the item's movements in the same run (and their ratio); the stock overview ({@link
 * Stock#balances}, one edition, and the first 500 of all); 16 concurrent dispatchers for {@code -Dseconds} (default 20):
 * throughput, p99, refusals, and the negative balances and ledger disagreements after them (both must be 0).
 *
 * <p>The ledger is seeded with plain JDBC batches (one seed request, running balances computed as they are written);
 * what is measured goes through the module's API.
 */
public final class StockBenchmark {
    private static final int EDITIONS = 50;
    private static final int LOCATIONS = 500;
    private static final int FUNDERS = 5;
    private static final AccountId CLERK = new AccountId(new UUID(0, 1));

    private StockBenchmark() {}

    @EnableAutoConfiguration
    @ComponentScan({"org.verso.library", "org.verso.accounts", "org.verso.distribution"})
    @org.springframework.boot.context.properties.ConfigurationPropertiesScan({"org.verso.library", "org.verso.accounts"
    })
    static class App {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** Translation is not started here: no revision exists beyond those the seeded editions contain. */
        @Bean
        Revisions revisions() {
            return new Revisions() {
                @Override
                public Optional<Revision> find(RevisionId id) {
                    return Optional.empty();
                }

                @Override
                public List<Revision> ofDocument(DocumentId document) {
                    return List.of();
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int movements = Integer.getInteger("movements", 1_000_000);
        int seconds = Integer.getInteger("seconds", 20);
        String db = System.getProperty("db", "h2");
        String url = db.equals("pg") ? freshSchema() : h2Url("verso-stock-bench-", "");
        List<String> props = properties(
                url, "--spring.datasource.hikari.maximum-pool-size=20", "--verso.admin-password=stock-bench-admin");
        try (ConfigurableApplicationContext context =
                new SpringApplication(App.class).run(props.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Stock stock = context.getBean(Stock.class);
            Seed seed = seed(jdbc, movements);
            System.out.printf(
                    "db=%s movements=%,d items=%,d seeded in %d s%n", db, movements, seed.items(), seed.seconds());
            balances(jdbc, stock, seed);
            overview(stock, seed);
            dispatchers(jdbc, stock, seed, seconds);
        }
    }

    record Seed(UUID[] editions, UUID[] locations, UUID[] funders, int items, long seconds) {
        StockItem item(Random random) {
            return new StockItem(
                    new EditionId(editions[random.nextInt(editions.length)]),
                    new LocationId(locations[random.nextInt(locations.length)]),
                    new FunderId(funders[random.nextInt(funders.length)]));
        }
    }

    private static Seed seed(JdbcTemplate jdbc, int movements) {
        long start = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        UUID[] editions = ids(EDITIONS);
        UUID[] locations = ids(LOCATIONS);
        UUID[] funders = ids(FUNDERS);
        for (int i = 0; i < EDITIONS; i++) {
            jdbc.update(
                    "INSERT INTO dist_edition (id, title, language, created_at, updated_at) VALUES (?, ?, 'ru', ?, ?)",
                    editions[i],
                    "Edition " + i,
                    now,
                    now);
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_location (id, name, address, created_at) VALUES (?, ?, 'address', ?)",
                Arrays.stream(locations)
                        .map(id -> new Object[] {id, "Location " + id, now})
                        .toList());
        for (int i = 0; i < FUNDERS; i++) {
            jdbc.update(
                    "INSERT INTO dist_funder (id, name, created_at) VALUES (?, ?, ?)", funders[i], "Funder " + i, now);
        }
        jdbc.update(
                "INSERT INTO dist_stock_request (idempotency_key, fingerprint, actor, created_at) VALUES ('seed', 'seed', ?, ?)",
                CLERK.value(),
                now);
        int[] balance = new int[EDITIONS * LOCATIONS * FUNDERS];
        Random random = new Random(1);
        List<Object[]> batch = new ArrayList<>();
        for (int m = 0; m < movements; m++) {
            int item = random.nextInt(balance.length);
            int quantity = balance[item] < 5 || random.nextInt(3) == 0
                    ? 1 + random.nextInt(50)
                    : -1 - random.nextInt(balance[item] / 2);
            balance[item] += quantity;
            int e = item / (LOCATIONS * FUNDERS);
            int l = (item / FUNDERS) % LOCATIONS;
            int f = item % FUNDERS;
            batch.add(new Object[] {
                quantity > 0 ? "RECEIVED" : "DISPATCHED",
                editions[e],
                locations[l],
                funders[f],
                quantity,
                balance[item],
                CLERK.value(),
                now
            });
            if (batch.size() == 5000) {
                insertMovements(jdbc, batch);
            }
        }
        insertMovements(jdbc, batch);
        List<Object[]> rows = new ArrayList<>();
        for (int item = 0; item < balance.length; item++) {
            rows.add(new Object[] {
                editions[item / (LOCATIONS * FUNDERS)],
                locations[(item / FUNDERS) % LOCATIONS],
                funders[item % FUNDERS],
                balance[item]
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_balance (edition_id, location_id, funder_id, quantity) VALUES (?, ?, ?, ?)", rows);
        jdbc.execute("ANALYZE");
        return new Seed(editions, locations, funders, balance.length, (System.nanoTime() - start) / 1_000_000_000);
    }

    private static void insertMovements(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate(
                "INSERT INTO dist_movement (request_key, type, edition_id, location_id, funder_id, quantity, balance_after,"
                        + " actor, moved_at) VALUES ('seed', ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    private static void balances(JdbcTemplate jdbc, Stock stock, Seed seed) {
        int rounds = 20_000;
        long[] api = new long[rounds];
        long[] sum = new long[rounds];
        for (int warm = 0; warm < 2; warm++) {
            Random random = new Random(2);
            for (int i = 0; i < rounds; i++) {
                StockItem item = seed.item(random);
                long t0 = System.nanoTime();
                int balance = stock.balance(item);
                long t1 = System.nanoTime();
                Integer total = jdbc.queryForObject(
                        "SELECT COALESCE(SUM(quantity), 0) FROM dist_movement WHERE edition_id = ? AND location_id = ?"
                                + " AND funder_id = ?",
                        Integer.class,
                        item.edition().value(),
                        item.location().value(),
                        item.funder().value());
                long t2 = System.nanoTime();
                if (total == null || total != balance) {
                    throw new IllegalStateException("balance " + balance + " but movements sum to " + total);
                }
                api[i] = t1 - t0;
                sum[i] = t2 - t1;
            }
        }
        System.out.printf(
                "balance of one item: p50 %.3f ms, p99 %.3f ms; plain SQL SUM: p50 %.3f ms, p99 %.3f ms; ratio p99 %.2f%n",
                ms(api, 50), ms(api, 99), ms(sum, 50), ms(sum, 99), ms(api, 99) / ms(sum, 99));
    }

    private static void overview(Stock stock, Seed seed) {
        int rounds = 200;
        long[] one = new long[rounds];
        long[] all = new long[rounds];
        Random random = new Random(3);
        for (int i = 0; i < rounds; i++) {
            var edition = new EditionId(seed.editions()[random.nextInt(seed.editions().length)]);
            long t0 = System.nanoTime();
            stock.balances(new StockFilter(edition, null, null), new Paging(1, Paging.MAX_SIZE));
            long t1 = System.nanoTime();
            stock.balances(StockFilter.ALL, new Paging(1 + random.nextInt(10), Paging.MAX_SIZE));
            long t2 = System.nanoTime();
            one[i] = t1 - t0;
            all[i] = t2 - t1;
        }
        System.out.printf(
                "stock overview (500 balances with names): one edition p50 %.1f ms, p99 %.1f ms; all editions p50 %.1f ms, p99 %.1f ms%n",
                ms(one, 50), ms(one, 99), ms(all, 50), ms(all, 99));
    }

    private static void dispatchers(JdbcTemplate jdbc, Stock stock, Seed seed, int seconds) throws Exception {
        int threads = 16;
        // a few hot items (the last copies of a popular edition) and the rest spread over the ledger
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seedNo = 100 + t;
            futures.add(pool.submit(() -> {
                Random random = new Random(seedNo);
                long[] times = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < times.length) {
                    StockItem item = random.nextInt(4) == 0
                            ? new StockItem(
                                    new EditionId(seed.editions()[0]),
                                    new LocationId(seed.locations()[0]),
                                    new FunderId(seed.funders()[0]))
                            : seed.item(random);
                    var command = new StockCommand(
                            MovementType.DISPATCHED,
                            item.edition(),
                            item.location(),
                            null,
                            item.funder(),
                            1 + random.nextInt(3),
                            null,
                            null);
                    long t0 = System.nanoTime();
                    try {
                        stock.record(UUID.randomUUID().toString(), command, CLERK);
                    } catch (InsufficientStock e) {
                        refused.incrementAndGet();
                    }
                    times[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (var f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] times = all.stream().flatMapToLong(Arrays::stream).toArray();
        long negative = jdbc.queryForObject("SELECT COUNT(*) FROM dist_balance WHERE quantity < 0", Long.class);
        Map<StockItem, Integer> disagreements = stock.disagreements();
        System.out.printf(
                "16 dispatchers for %d s: %,d requests (%.0f/s), %,d refused as insufficient; p50 %.1f ms, p99 %.1f ms;"
                        + " negative balances %d, balances differing from their ledger %d%n",
                seconds,
                times.length,
                times.length / (double) seconds,
                refused.get(),
                ms(times, 50),
                ms(times, 99),
                negative,
                disagreements.size());
    }

    static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static UUID[] ids(int n) {
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
        }
        return ids;
    }

    /** A benchmark context's properties: library, accounts and distribution migrated on {@code url}, no web. */
    static List<String> properties(String url, String... more) {
        boolean pg = url.startsWith("jdbc:postgresql:");
        List<String> props = new ArrayList<>(List.of(
                "--spring.flyway.locations=classpath:db/migration/library,classpath:db/migration/accounts,"
                        + "classpath:db/migration/distribution",
                "--spring.flyway.out-of-order=true",
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--spring.batch.job.enabled=false",
                "--logging.level.root=warn",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (pg ? System.getenv("VERSO_TEST_PG_USER") : "verso"),
                "--spring.datasource.password=" + (pg ? System.getenv("VERSO_TEST_PG_PASSWORD") : "")));
        props.addAll(List.of(more));
        return props;
    }

    /** A fresh H2 file database in a new temporary folder, as the application opens it, {@code options} appended. */
    static String h2Url(String folder, String options) throws java.io.IOException {
        Path dir = Trees.temporary(folder);
        return "jdbc:h2:file:retry:" + dir + "/db/verso;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;CACHE_SIZE=65536" + options;
    }

    static String freshSchema() throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = java.sql.DriverManager.getConnection(
                System.getenv("VERSO_TEST_PG_URL"),
                System.getenv("VERSO_TEST_PG_USER"),
                System.getenv("VERSO_TEST_PG_PASSWORD"))) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = System.getenv("VERSO_TEST_PG_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
