package org.verso.bench.distribution;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.AccountId;
import org.verso.distribution.Allocation;
import org.verso.distribution.Allocation.Method;
import org.verso.distribution.Allocation.NewAllocation;
import org.verso.distribution.Allocation.Part;
import org.verso.distribution.Allocations;
import org.verso.distribution.Dashboard;
import org.verso.distribution.Dashboards;
import org.verso.distribution.DonorReport;
import org.verso.distribution.DonorReports;
import org.verso.distribution.EditionId;
import org.verso.distribution.FunderId;
import org.verso.distribution.LocationId;
import org.verso.distribution.MovementType;
import org.verso.distribution.RecipientId;
import org.verso.distribution.Shipments;
import org.verso.distribution.Stock;
import org.verso.distribution.StockCommand;
import org.verso.distribution.Traceability;
import org.verso.distribution.Traces;
import org.verso.translation.RevisionId;

/**
 * Donor reports, traceability, the dashboard and allocations at size (issue 16), on H2 ({@code -Ddb=h2}, a fresh
 * file) or PostgreSQL ({@code -Ddb=pg}, {@code VERSO_TEST_PG_*}, a fresh schema, dropped at the end).
 *
 * <p>The ledger of the first distribution issue's benchmark ({@code -Dmovements}, default 1,000,000, over 50 editions
 * × 500 locations × 5 funders), here with what the reports read: each edition contains one revision and has one print
 * run shared by the 5 funders; 20,000 shipments (one line each) to 2,000 recipients, each received at its location,
 * dispatched into transit and (9 in 10) delivered, with their status events; the rest of the ledger receipts and
 * transfers to another location; each funder's share of each edition's print run is what the ledger received, so
 * every report reconciles; balances as the ledger sums them; 1,000 requests. Times are spread over the last 360 days.
 * Seeded with plain JDBC batches, the ledger in the order of its times and 50,000 movements per transaction (on H2
 * without its secondary indexes, added back after: {@link #withoutLedgerIndexesOnH2}); what is measured goes through
 * the module's services.
 *
 * <p>Each figure is measured {@value #RUNS} times after 3 warm-up runs (p50, p99), alternating with its baseline, a
 * hand-written SQL statement over the same tables with plain JDBC that gives the same totals (the floor the service
 * cannot beat; the totals are compared and a difference stops the run):
 *
 * <ul>
 *   <li>donor report of one funder over the whole period: one conditional {@code SUM} over the funder's movements
 *       (received, in stock, in transit, delivered, damaged, lost); the service adds the breakdowns by location,
 *       recipient kind, region, city and month;
 *   <li>traceability of one revision: one statement, the delivered movements of the revision's editions grouped by
 *       shipment, joined to their shipments by id (delivered copies, recipients holding copies);
 *   <li>dashboard: one aggregate over the ledger (delivered copies per funder and month) and one over the balances
 *       (stock per edition);
 *   <li>an allocation of 2,000 copies over 500 recipients, equal and weighted, created and planned ({@link
 *       Allocations#create} then {@link Allocations#plan}, 500 planned shipments): the bare apportionment (the
 *       module's own {@code Apportion.split}, package-private, called through a method handle) and one JDBC batch
 *       insert of the shipments and their lines.
 * </ul>
 */
public final class ReportsBenchmark {
    private static final int EDITIONS = 50;
    private static final int LOCATIONS = 500;
    private static final int FUNDERS = 5;
    private static final int RECIPIENTS = 2_000;
    private static final int SHIPMENTS = 20_000;
    private static final int REQUESTS = 1_000;
    private static final int DAYS = 360;
    private static final UUID TRANSIT = Shipments.IN_TRANSIT.value();
    private static final AccountId CLERK = new AccountId(new UUID(0, 1));
    private static final int RUNS = 30;
    private static final int ALLOCATIONS = 10;
    private static final int ALLOCATED = 2_000;
    private static final int ALLOCATED_TO = 500;
    private static final int CHUNK = 50_000;
    private static final int BATCH = 5_000;

    private ReportsBenchmark() {}

    public static void main(String[] args) throws Throwable {
        int movements = Integer.getInteger("movements", 1_000_000);
        String db = System.getProperty("db", "h2");
        String schema = null;
        String url;
        if (db.equals("pg")) {
            url = StockBenchmark.freshSchema();
            schema = url.substring(url.lastIndexOf("currentSchema=") + "currentSchema=".length());
        } else {
            // H2 would answer a repeated query from its last result while nothing changed
            url = StockBenchmark.h2Url("verso-reports-bench-", ";OPTIMIZE_REUSE_RESULTS=FALSE");
        }
        List<String> props = StockBenchmark.properties(url, "--verso.admin-password=reports-bench-admin");
        try (ConfigurableApplicationContext context =
                new SpringApplication(StockBenchmark.App.class).run(props.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            long start = System.nanoTime();
            long cpu = cpuNanos();
            Seed seed = seed(jdbc, tx, movements);
            System.out.printf(
                    "db=%s movements=%,d shipments=%,d recipients=%,d seeded in %d s (this process's CPU: %d s; load"
                            + " average %.2f)%n",
                    db,
                    // the shipments' movements alone are about 78,000: a smaller -Dmovements gets those
                    jdbc.queryForObject("SELECT COUNT(*) FROM dist_movement", Long.class),
                    SHIPMENTS,
                    RECIPIENTS,
                    (System.nanoTime() - start) / 1_000_000_000,
                    (cpuNanos() - cpu) / 1_000_000_000,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // the seeding wrote the ledger by hand: its summaries (what the reports read for whole months) from it
            long rebuild = System.nanoTime();
            context.getBean(Stock.class).rebuildSummaries();
            System.out.printf(
                    "ledger summaries rebuilt from the ledger in %.1f s%n", (System.nanoTime() - rebuild) / 1e9);
            donorReport(jdbc, context.getBean(DonorReports.class), seed);
            traceability(jdbc, context.getBean(Traces.class), seed);
            dashboard(jdbc, context.getBean(Dashboards.class));
            stockTake(context.getBean(Stock.class), seed);
            allocations(jdbc, tx, context.getBean(Allocations.class), seed, Method.EQUAL);
            allocations(jdbc, tx, context.getBean(Allocations.class), seed, Method.WEIGHTED);
        } finally {
            if (schema != null) {
                try (var c = java.sql.DriverManager.getConnection(
                        System.getenv("VERSO_TEST_PG_URL"),
                        System.getenv("VERSO_TEST_PG_USER"),
                        System.getenv("VERSO_TEST_PG_PASSWORD"))) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static long phaseWall;
    private static long phaseCpu;

    /** Prints how long the seeding's last phase took, wall and this process's CPU; {@code null} starts the clock. */
    private static void phase(String done) {
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        if (done != null) {
            System.out.printf(
                    "  seeding: %s in %.1f s (CPU %.1f s)%n", done, (wall - phaseWall) / 1e9, (cpu - phaseCpu) / 1e9);
        }
        phaseWall = wall;
        phaseCpu = cpu;
    }

    /** CPU time of this process (all its threads, the database's too when it is H2). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void donorReport(JdbcTemplate jdbc, DonorReports reports, Seed seed) {
        FunderId funder = new FunderId(seed.funders()[0]);
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 10);
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end =
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        compare(
                "donor report, one funder, whole period (goal <= 500 ms)",
                () -> {
                    DonorReport r = reports.report(funder, from, to);
                    if (!r.check().holds()) {
                        throw new IllegalStateException("the report does not reconcile: " + r.check());
                    }
                    return List.of(r.received(), r.inStock(), r.inTransit(), r.delivered(), r.damaged(), r.lost());
                },
                "one conditional SUM over the funder's movements",
                () -> jdbc.queryForObject(
                        "SELECT SUM(CASE WHEN type = 'RECEIVED' THEN quantity ELSE 0 END) AS received,"
                                + " SUM(CASE WHEN location_id <> ? THEN quantity ELSE 0 END) AS in_stock,"
                                + " SUM(CASE WHEN location_id = ? THEN quantity ELSE 0 END) AS in_transit,"
                                + " SUM(CASE WHEN type = 'DELIVERED' THEN -quantity ELSE 0 END) AS delivered,"
                                + " SUM(CASE WHEN type = 'DAMAGED' THEN -quantity ELSE 0 END) AS damaged,"
                                + " SUM(CASE WHEN type = 'LOST' THEN -quantity ELSE 0 END) AS lost"
                                + " FROM dist_movement WHERE funder_id = ? AND moved_at >= ? AND moved_at < ?",
                        (rs, n) -> List.of(
                                rs.getInt("received"),
                                rs.getInt("in_stock"),
                                rs.getInt("in_transit"),
                                rs.getInt("delivered"),
                                rs.getInt("damaged"),
                                rs.getInt("lost")),
                        TRANSIT,
                        TRANSIT,
                        funder.value(),
                        start,
                        end));
    }

    private static void traceability(JdbcTemplate jdbc, Traces traces, Seed seed) {
        RevisionId revision = new RevisionId(seed.revisions()[7]);
        compare(
                "traceability, one revision (goal <= 200 ms)",
                () -> {
                    Traceability t = traces.of(revision);
                    return List.of(t.delivered(), t.recipients());
                },
                "one statement: delivered movements by shipment, joined to shipments by id",
                () -> jdbc.queryForObject(
                        "SELECT COALESCE(SUM(d.copies), 0) AS delivered, COUNT(DISTINCT s.recipient_id) AS holders"
                                + " FROM (SELECT SUBSTRING(m.reason, 10, 36) AS shipment, SUM(-m.quantity) AS copies"
                                + " FROM dist_movement m JOIN dist_edition_item i ON i.edition_id = m.edition_id"
                                + " WHERE i.revision_id = ? AND m.location_id = ? AND m.type = 'DELIVERED'"
                                + " GROUP BY SUBSTRING(m.reason, 10, 36)) d"
                                + " JOIN dist_shipment s ON s.id = CAST(d.shipment AS UUID)",
                        (rs, n) -> List.of(rs.getInt("delivered"), rs.getInt("holders")),
                        revision.value(),
                        TRANSIT));
    }

    private static void dashboard(JdbcTemplate jdbc, Dashboards dashboards) {
        Timestamp since = Timestamp.from(Instant.now().minus(Duration.ofDays(366)));
        compare(
                "dashboard (goal <= 300 ms)",
                () -> {
                    Dashboard d = dashboards.now();
                    return List.of(
                            d.stock().stream()
                                    .mapToInt(Dashboard.EditionStock::inStock)
                                    .sum(),
                            d.deliveriesByMonth().stream()
                                    .mapToInt(DonorReport.Count::copies)
                                    .sum(),
                            d.funders().stream()
                                    .mapToInt(Dashboard.Progress::delivered)
                                    .sum());
                },
                "one aggregate over the ledger (delivered per funder and month), one over the balances",
                () -> {
                    int held = 0;
                    for (var row : jdbc.queryForList(
                            "SELECT edition_id, SUM(CASE WHEN location_id <> ? THEN quantity ELSE 0 END) AS held"
                                    + " FROM dist_balance GROUP BY edition_id",
                            TRANSIT)) {
                        held += ((Number) row.get("held")).intValue();
                    }
                    int[] delivered = {0, 0};
                    jdbc.query(
                            "SELECT funder_id, EXTRACT(YEAR FROM moved_at) AS y, EXTRACT(MONTH FROM moved_at) AS mo,"
                                    + " SUM(-quantity) AS copies,"
                                    + " SUM(CASE WHEN moved_at >= ? THEN -quantity ELSE 0 END) AS recent"
                                    + " FROM dist_movement WHERE type = 'DELIVERED' AND location_id = ?"
                                    + " GROUP BY funder_id, EXTRACT(YEAR FROM moved_at), EXTRACT(MONTH FROM moved_at)",
                            rs -> {
                                delivered[0] += rs.getInt("recent");
                                delivered[1] += rs.getInt("copies");
                            },
                            since,
                            TRANSIT);
                    return List.of(held, delivered[0], delivered[1]);
                });
    }

    /**
     * The seeded ledger spreads its copies thin (a few hundred per edition and store); an allocation beyond what a store
     * holds is refused, so four stores get 50,000 copies of an edition each by a stocktake, through the module's API.
     */
    private static void stockTake(Stock stock, Seed seed) {
        for (int i = 0; i < 4; i++) {
            stock.record(
                    UUID.randomUUID().toString(),
                    new StockCommand(
                            MovementType.ADJUSTED,
                            new EditionId(seed.editions()[i]),
                            new LocationId(seed.locations()[i]),
                            null,
                            new FunderId(seed.funders()[0]),
                            50_000,
                            "stocktake for the allocation benchmark",
                            null),
                    CLERK);
        }
    }

    private static void allocations(
            JdbcTemplate jdbc, TransactionTemplate tx, Allocations allocations, Seed seed, Method method)
            throws Throwable {
        MethodHandle apportion = MethodHandles.privateLookupIn(
                        Class.forName("org.verso.distribution.Apportion"), MethodHandles.lookup())
                .findStatic(
                        Class.forName("org.verso.distribution.Apportion"),
                        "split",
                        MethodType.methodType(List.class, int.class, List.class));
        Random random = new Random(4);
        long[] created = new long[ALLOCATIONS];
        long[] planned = new long[ALLOCATIONS];
        long[] total = new long[ALLOCATIONS];
        long[] raw = new long[ALLOCATIONS];
        int planShipments = 0;
        List<UUID[]> stocked = jdbc.query(
                "SELECT edition_id, location_id FROM dist_balance WHERE location_id <> ?"
                        + " GROUP BY edition_id, location_id HAVING SUM(quantity) >= ? ORDER BY edition_id, location_id",
                (rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)},
                TRANSIT,
                2 * ALLOCATED);
        if (stocked.isEmpty()) {
            System.out.printf(
                    "allocation, %s: no store holds %,d copies of an edition; not measured%n",
                    method.code(), 2 * ALLOCATED);
            return;
        }
        for (int round = -2; round < ALLOCATIONS; round++) {
            List<UUID> recipients = pick(seed.recipients(), ALLOCATED_TO, random);
            List<Integer> weights = recipients.stream()
                    .map(r -> method == Method.WEIGHTED ? 1 + random.nextInt(60) : 1)
                    .toList();
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                parts.add(new Part(
                        new RecipientId(recipients.get(i)), method == Method.WEIGHTED ? weights.get(i) : null, null));
            }
            // a store holding enough copies of an edition: an allocation beyond what is there is refused
            UUID[] pair = stocked.get(random.nextInt(stocked.size()));
            UUID edition = pair[0];
            UUID location = pair[1];
            var asked = new NewAllocation(
                    new EditionId(edition), new LocationId(location), null, ALLOCATED, method, "University", parts);
            long t0 = System.nanoTime();
            Allocation draft = allocations.create(asked, CLERK);
            long t1 = System.nanoTime();
            Allocation plan = allocations.plan(draft.id(), CLERK);
            long t2 = System.nanoTime();
            @SuppressWarnings("unchecked")
            List<Integer> copies = (List<Integer>) apportion.invoke(ALLOCATED, weights);
            tx.executeWithoutResult(status -> insertShipments(jdbc, edition, location, recipients, copies));
            long t3 = System.nanoTime();
            int shipments = (int)
                    plan.shares().stream().filter(s -> s.shipment() != null).count();
            int withCopies = (int) copies.stream().filter(c -> c > 0).count();
            int sum = plan.shares().stream().mapToInt(Allocation.Share::copies).sum();
            List<Integer> planned1 =
                    plan.shares().stream().map(Allocation.Share::copies).toList();
            if (sum != ALLOCATED || shipments != withCopies || !planned1.equals(copies)) {
                throw new IllegalStateException("the plan differs from the bare apportionment: " + sum + " copies, "
                        + shipments + " shipments");
            }
            // planned shipments reserve their copies: release this round's (the plan's and the bare insert's), so
            // that every round finds the stock the seed put there (outside the timing)
            tx.executeWithoutResult(status -> jdbc.update(
                    "UPDATE dist_shipment SET status = 'CANCELLED' WHERE status = 'PLANNED' AND location_id = ?",
                    location));
            if (round >= 0) {
                planShipments = shipments;
                created[round] = t1 - t0;
                planned[round] = t2 - t1;
                total[round] = t2 - t0;
                raw[round] = t3 - t2;
            }
        }
        System.out.printf(
                "allocation of %,d copies over %d recipients, %s (goal <= 1000 ms): create p50 %.1f ms, plan p50 %.1f"
                        + " ms, together p50 %.1f ms, max %.1f ms (%d runs, %d planned shipments in the last); bare"
                        + " apportionment + one JDBC batch insert of the shipments and lines: p50 %.1f ms, max %.1f ms;"
                        + " ratio p50 %.1f%n",
                ALLOCATED,
                ALLOCATED_TO,
                method.code(),
                StockBenchmark.ms(created, 50),
                StockBenchmark.ms(planned, 50),
                StockBenchmark.ms(total, 50),
                StockBenchmark.ms(total, 100),
                ALLOCATIONS,
                planShipments,
                StockBenchmark.ms(raw, 50),
                StockBenchmark.ms(raw, 100),
                StockBenchmark.ms(total, 50) / StockBenchmark.ms(raw, 50));
    }

    private static void insertShipments(
            JdbcTemplate jdbc, UUID edition, UUID location, List<UUID> recipients, List<Integer> copies) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> shipments = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (copies.get(i) == 0) {
                continue;
            }
            UUID id = UUID.randomUUID();
            shipments.add(new Object[] {id, location, recipients.get(i), CLERK.value(), now});
            lines.add(new Object[] {id, edition, copies.get(i)});
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_shipment (id, location_id, recipient_id, sender_of_record, status, created_by,"
                        + " created_at) VALUES (?, ?, ?, 'University', 'PLANNED', ?, ?)",
                shipments);
        jdbc.batchUpdate(
                "INSERT INTO dist_shipment_line (shipment_id, line_no, edition_id, copies) VALUES (?, 1, ?, ?)", lines);
    }

    private static List<UUID> pick(UUID[] from, int n, Random random) {
        Set<UUID> picked = new HashSet<>();
        while (picked.size() < n) {
            picked.add(from[random.nextInt(from.length)]);
        }
        List<UUID> list = new ArrayList<>(picked);
        list.sort(null);
        return list;
    }

    /**
     * Runs {@code service} and {@code baseline} alternately, 3 warm-up rounds and then {@value #RUNS}; their figures
     * must agree every time.
     */
    private static void compare(String what, Work service, String baselineIs, Work baseline) {
        long[] api = new long[RUNS];
        long[] raw = new long[RUNS];
        List<Integer> figures = null;
        for (int i = -3; i < RUNS; i++) {
            long t0 = System.nanoTime();
            figures = service.run();
            long t1 = System.nanoTime();
            List<Integer> floor = baseline.run();
            long t2 = System.nanoTime();
            if (!figures.equals(floor)) {
                throw new IllegalStateException(what + ": the service says " + figures + ", the baseline " + floor);
            }
            if (i >= 0) {
                api[i] = t1 - t0;
                raw[i] = t2 - t1;
            }
        }
        System.out.printf(
                "%s: p50 %.1f ms, p99 %.1f ms; baseline (%s): p50 %.1f ms, p99 %.1f ms; ratio p50 %.2f (%d runs;"
                        + " figures %s)%n",
                what,
                StockBenchmark.ms(api, 50),
                StockBenchmark.ms(api, 99),
                baselineIs,
                StockBenchmark.ms(raw, 50),
                StockBenchmark.ms(raw, 99),
                StockBenchmark.ms(api, 50) / StockBenchmark.ms(raw, 50),
                RUNS,
                figures);
    }

    /** One measured call; answers the totals it computed. */
    interface Work {
        List<Integer> run();
    }

    record Seed(UUID[] editions, UUID[] revisions, UUID[] locations, UUID[] funders, UUID[] recipients) {}

    /** Running balances per item, location index {@value #LOCATIONS} being "in transit". */
    private static final class Balances {
        private final int[] balance = new int[EDITIONS * (LOCATIONS + 1) * FUNDERS];
        private final int[] received = new int[balance.length];

        int add(String type, int edition, int location, int funder, int quantity) {
            int item = (edition * (LOCATIONS + 1) + location) * FUNDERS + funder;
            balance[item] += quantity;
            if (type.equals("RECEIVED")) {
                received[item] += quantity;
            }
            return balance[item];
        }
    }

    private static Seed seed(JdbcTemplate jdbc, TransactionTemplate tx, int movements) {
        phase(null);
        Instant now = Instant.now();
        Timestamp created = Timestamp.from(now);
        UUID[] editions = StockBenchmark.ids(EDITIONS);
        UUID[] revisions = StockBenchmark.ids(EDITIONS);
        UUID[] locations = StockBenchmark.ids(LOCATIONS);
        UUID[] funders = StockBenchmark.ids(FUNDERS);
        UUID[] recipients = StockBenchmark.ids(RECIPIENTS);
        for (int i = 0; i < FUNDERS; i++) {
            jdbc.update(
                    "INSERT INTO dist_funder (id, name, created_at) VALUES (?, ?, ?)",
                    funders[i],
                    "Funder " + i,
                    created);
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_location (id, name, address, created_at) VALUES (?, ?, 'address', ?)",
                Arrays.stream(locations)
                        .map(id -> new Object[] {id, "Location " + id, created})
                        .toList());
        for (int i = 0; i < EDITIONS; i++) {
            jdbc.update(
                    "INSERT INTO dist_edition (id, title, language, created_at, updated_at) VALUES (?, ?, 'ru', ?, ?)",
                    editions[i],
                    "Edition " + i,
                    created,
                    created);
            jdbc.update(
                    "INSERT INTO dist_edition_item (edition_id, item_order, revision_id) VALUES (?, 1, ?)",
                    editions[i],
                    revisions[i]);
        }
        String[] kinds = {"UNIVERSITY", "BRANCH", "LIBRARY", "SCHOOL", "MINISTRY", "NGO"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            rows.add(new Object[] {
                recipients[i],
                "Recipient " + i,
                "recipient " + i,
                kinds[i % kinds.length],
                "Region " + (i % 40),
                "City " + (i % 300),
                created
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_recipient (id, name, name_key, kind, region, city, language, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ru', ?)",
                rows);
        jdbc.update(
                "INSERT INTO dist_stock_request (idempotency_key, fingerprint, actor, created_at)"
                        + " VALUES ('seed', 'seed', ?, ?)",
                CLERK.value(),
                created);
        Random random = new Random(1);
        List<Object[]> ships = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Move> moves = new ArrayList<>(movements + 4);
        int written = 0;
        for (int s = 0; s < SHIPMENTS; s++) {
            UUID shipment = UUID.randomUUID();
            int e = random.nextInt(EDITIONS);
            int l = random.nextInt(LOCATIONS);
            int f = random.nextInt(FUNDERS);
            int copies = 1 + random.nextInt(20);
            boolean delivered = random.nextInt(10) > 0;
            Instant dispatched = now.minus(Duration.ofMinutes(60L * 24 * 4 + random.nextInt(60 * 24 * (DAYS - 5))));
            Timestamp receivedAt = Timestamp.from(dispatched.minus(Duration.ofDays(1)));
            Timestamp dispatchedAt = Timestamp.from(dispatched);
            Timestamp deliveredAt = Timestamp.from(dispatched.plus(Duration.ofDays(3)));
            ships.add(new Object[] {
                shipment,
                locations[l],
                recipients[random.nextInt(RECIPIENTS)],
                delivered ? "DELIVERED" : "DISPATCHED",
                CLERK.value(),
                Timestamp.from(dispatched.minus(Duration.ofDays(2)))
            });
            lines.add(new Object[] {shipment, editions[e], copies, funders[f]});
            parts.add(new Object[] {shipment, funders[f], copies});
            events.add(new Object[] {shipment, "DISPATCHED", dispatchedAt});
            String reason = "shipment " + shipment;
            moves.add(new Move("RECEIVED", e, l, f, copies, null, receivedAt));
            moves.add(new Move("DISPATCHED", e, l, f, -copies, reason, dispatchedAt));
            moves.add(new Move("DISPATCHED", e, LOCATIONS, f, copies, reason, dispatchedAt));
            written += 3;
            if (delivered) {
                events.add(new Object[] {shipment, "DELIVERED", deliveredAt});
                moves.add(new Move("DELIVERED", e, LOCATIONS, f, -copies, reason, deliveredAt));
                written++;
            }
        }
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "INSERT INTO dist_shipment (id, location_id, recipient_id, sender_of_record, status, created_by,"
                            + " created_at) VALUES (?, ?, ?, 'University', ?, ?, ?)",
                    ships);
            jdbc.batchUpdate(
                    "INSERT INTO dist_shipment_line (shipment_id, line_no, edition_id, copies, funder_id)"
                            + " VALUES (?, 1, ?, ?, ?)",
                    lines);
            jdbc.batchUpdate(
                    "INSERT INTO dist_shipment_part (shipment_id, line_no, funder_id, copies) VALUES (?, 1, ?, ?)",
                    parts);
            jdbc.batchUpdate(
                    "INSERT INTO dist_shipment_event (shipment_id, status, actor, at) VALUES (?, ?, '" + CLERK.value()
                            + "', ?)",
                    events);
        });
        while (written < movements) {
            int e = random.nextInt(EDITIONS);
            int l = random.nextInt(LOCATIONS);
            int f = random.nextInt(FUNDERS);
            Instant at = now.minus(Duration.ofMinutes(60 + random.nextInt(60 * 24 * DAYS)));
            moves.add(new Move("RECEIVED", e, l, f, 2, null, Timestamp.from(at)));
            int to = (l + 1 + random.nextInt(LOCATIONS - 1)) % LOCATIONS;
            Timestamp moved = Timestamp.from(at.plusSeconds(60));
            moves.add(new Move("TRANSFERRED", e, l, f, -1, "transfer", moved));
            moves.add(new Move("TRANSFERRED", e, to, f, 1, "transfer", moved));
            written += 3;
        }
        phase("shipments and the ledger generated");
        Balances ledger =
                withoutLedgerIndexesOnH2(jdbc, () -> insertMovements(jdbc, tx, moves, editions, locations, funders));
        // each edition's one print run: each funder's share is what the ledger received of it, so reports reconcile
        for (int e = 0; e < EDITIONS; e++) {
            UUID run = UUID.randomUUID();
            int[] shares = new int[FUNDERS];
            for (int l = 0; l < LOCATIONS; l++) {
                for (int f = 0; f < FUNDERS; f++) {
                    shares[f] += ledger.received[(e * (LOCATIONS + 1) + l) * FUNDERS + f];
                }
            }
            int quantity = Arrays.stream(shares).sum();
            jdbc.update(
                    "INSERT INTO dist_print_run (id, edition_id, quantity, printer, ordered_on, status, received,"
                            + " shortfall, created_at) VALUES (?, ?, ?, 'Printer', ?, 'RECEIVED_FULLY', ?, 0, ?)",
                    run,
                    editions[e],
                    quantity,
                    java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 5)),
                    quantity,
                    created);
            for (int f = 0; f < FUNDERS; f++) {
                jdbc.update(
                        "INSERT INTO dist_print_run_share (print_run_id, funder_id, copies, received)"
                                + " VALUES (?, ?, ?, ?)",
                        run,
                        funders[f],
                        shares[f],
                        shares[f]);
            }
        }
        List<Object[]> balances = new ArrayList<>();
        for (int item = 0; item < ledger.balance.length; item++) {
            int location = (item / FUNDERS) % (LOCATIONS + 1);
            balances.add(new Object[] {
                editions[item / ((LOCATIONS + 1) * FUNDERS)],
                location == LOCATIONS ? TRANSIT : locations[location],
                funders[item % FUNDERS],
                ledger.balance[item]
            });
        }
        tx.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO dist_balance (edition_id, location_id, funder_id, quantity) VALUES (?, ?, ?, ?)",
                balances));
        phase("print runs and balances written");
        String[] statuses = {"OPEN", "PLANNED", "FULFILLED", "DECLINED"};
        List<Object[]> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(new Object[] {
                UUID.randomUUID(),
                recipients[random.nextInt(RECIPIENTS)],
                editions[random.nextInt(EDITIONS)],
                1 + random.nextInt(500),
                statuses[i % statuses.length],
                CLERK.value(),
                Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * DAYS))))
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_request (id, recipient_id, edition_id, copies, status, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                requests);
        phase("requests written");
        jdbc.execute("ANALYZE");
        phase("ANALYZE");
        return new Seed(editions, revisions, locations, funders, recipients);
    }

    /**
     * Writes the ledger in the order of its times (as the application appends it), each movement's balance after it
     * summed in that order, {@value #CHUNK} movements per transaction in JDBC batches of {@value #BATCH}: a commit per
     * row (auto-commit) and inserts at random places of the time-ordered indexes made H2 rewrite most of its pages
     * (docs/distribution.md, "Reports at size").
     */
    private static Balances insertMovements(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            List<Move> moves,
            UUID[] editions,
            UUID[] locations,
            UUID[] funders) {
        moves.sort(Comparator.comparing(Move::at)); // stable: a shipment's legs keep their order
        Balances ledger = new Balances();
        for (int from = 0; from < moves.size(); from += CHUNK) {
            List<Move> chunk = moves.subList(from, Math.min(moves.size(), from + CHUNK));
            tx.executeWithoutResult(status -> {
                List<Object[]> batch = new ArrayList<>(BATCH);
                for (Move m : chunk) {
                    batch.add(new Object[] {
                        m.type(),
                        editions[m.edition()],
                        m.location() == LOCATIONS ? TRANSIT : locations[m.location()],
                        funders[m.funder()],
                        m.quantity(),
                        ledger.add(m.type(), m.edition(), m.location(), m.funder(), m.quantity()),
                        m.reason(),
                        CLERK.value(),
                        m.at()
                    });
                    if (batch.size() == BATCH) {
                        insert(jdbc, batch);
                    }
                }
                insert(jdbc, batch);
            });
        }
        return ledger;
    }

    /**
     * On H2 the ledger has eleven indexes (its five foreign keys each get one) and every row written goes into each of
     * them, and again at its commit: the bulk of the seeding. So on H2 the ledger is written with its primary key alone
     * and its constraints and indexes are then added back as the migrations declare them (H2 builds an index over
     * existing rows by sorting them); the indexes after must be those before, else the run stops. PostgreSQL keeps
     * them (its seeding was 1.5–2 minutes).
     */
    private static <T> T withoutLedgerIndexesOnH2(JdbcTemplate jdbc, java.util.function.Supplier<T> write) {
        boolean h2 = Boolean.TRUE.equals(
                jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL().startsWith("jdbc:h2:")));
        if (!h2) {
            T written = write.get();
            phase("ledger written");
            return written;
        }
        List<String> before = ledgerIndexes(jdbc);
        for (String constraint :
                List.of("reverses_uq", "reverses_fk", "funder_fk", "location_fk", "edition_fk", "request_fk")) {
            jdbc.execute("ALTER TABLE dist_movement DROP CONSTRAINT dist_movement_" + constraint);
        }
        for (String index : List.of("item_ix", "request_ix", "funder_ix", "type_ix")) {
            jdbc.execute("DROP INDEX dist_movement_" + index);
        }
        T written = write.get();
        phase("ledger written without its secondary indexes");
        // V60.0 (the constraints in its order, then its two indexes) and V60.5; the rows are not checked against the
        // constraints again (NOCHECK): the seeding took every reference from the rows it wrote before
        jdbc.execute("ALTER TABLE dist_movement ADD CONSTRAINT dist_movement_request_fk FOREIGN KEY (request_key)"
                + " REFERENCES dist_stock_request (idempotency_key) NOCHECK");
        jdbc.execute("ALTER TABLE dist_movement ADD CONSTRAINT dist_movement_edition_fk FOREIGN KEY (edition_id)"
                + " REFERENCES dist_edition (id) NOCHECK");
        jdbc.execute("ALTER TABLE dist_movement ADD CONSTRAINT dist_movement_location_fk FOREIGN KEY (location_id)"
                + " REFERENCES dist_location (id) NOCHECK");
        jdbc.execute("ALTER TABLE dist_movement ADD CONSTRAINT dist_movement_funder_fk FOREIGN KEY (funder_id)"
                + " REFERENCES dist_funder (id) NOCHECK");
        jdbc.execute("ALTER TABLE dist_movement ADD CONSTRAINT dist_movement_reverses_fk FOREIGN KEY (reverses)"
                + " REFERENCES dist_movement (id) NOCHECK");
        jdbc.execute("ALTER TABLE dist_movement ADD CONSTRAINT dist_movement_reverses_uq UNIQUE (reverses)");
        jdbc.execute("CREATE INDEX dist_movement_item_ix ON dist_movement (edition_id, location_id, funder_id, id)");
        jdbc.execute("CREATE INDEX dist_movement_request_ix ON dist_movement (request_key)");
        jdbc.execute("CREATE INDEX dist_movement_funder_ix ON dist_movement"
                + " (funder_id, moved_at, type, location_id, quantity)");
        jdbc.execute("CREATE INDEX dist_movement_type_ix ON dist_movement (type, funder_id, moved_at)");
        phase("ledger's constraints and indexes added back");
        List<String> after = ledgerIndexes(jdbc);
        if (!after.equals(before)) {
            throw new IllegalStateException(
                    "the ledger's indexes differ from the migrations': " + before + " became " + after);
        }
        return written;
    }

    /** The ledger's indexes on H2: kind and columns, sorted (names aside: H2 names a constraint's index itself). */
    private static List<String> ledgerIndexes(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT i.index_type_name || ' ' || (SELECT LISTAGG(c.column_name, ',') WITHIN GROUP"
                        + " (ORDER BY c.ordinal_position) FROM information_schema.index_columns c"
                        + " WHERE c.index_name = i.index_name AND c.table_name = i.table_name) AS d"
                        + " FROM information_schema.indexes i WHERE i.table_name = 'dist_movement' ORDER BY d",
                String.class);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO dist_movement (request_key, type, edition_id, location_id, funder_id, quantity,"
                        + " balance_after, reason, actor, moved_at) VALUES ('seed', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    /** One movement to seed; location {@value #LOCATIONS} is "in transit". */
    private record Move(
            String type, int edition, int location, int funder, int quantity, String reason, Timestamp at) {}
}
