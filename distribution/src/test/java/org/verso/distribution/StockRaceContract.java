package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verso.distribution.PrintRun.Share;

/** Concurrent stock requests on real threads and a real database: balances never go below zero. */
@SpringBootTest(classes = DistributionTestApplication.class)
abstract class StockRaceContract {
    @Autowired
    Stock stock;

    @Autowired
    JdbcClient db;

    @Autowired
    StockFixtures given;

    @Test
    void twoUsersDispatchingTheLastCopiesAtOnceExactlyOneSucceedsTheOtherLearnsWhatIsLeft() throws Exception {
        for (int round = 0; round < 10; round++) {
            var edition = given.edition("Charter");
            var office = given.location("Office");
            var coe = given.funder("Council of Europe");
            var foundation = given.funder("German foundation");
            given.received(edition, office, Share.of(coe.id(), 3), Share.of(foundation.id(), 2));
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Object>> users = List.of(
                    () -> dispatchAfter(start, edition, office, 5), () -> dispatchAfter(start, edition, office, 4));

            List<Object> outcomes = runTogether(users, start);

            assertThat(outcomes).filteredOn(o -> o instanceof Stock.Recorded).hasSize(1);
            var refused = outcomes.stream()
                    .filter(o -> o instanceof InsufficientStock)
                    .map(InsufficientStock.class::cast)
                    .toList();
            assertThat(refused).hasSize(1);
            int taken = outcomes.stream()
                    .filter(o -> o instanceof Stock.Recorded)
                    .map(o -> ((Stock.Recorded) o)
                            .movements().stream().mapToInt(m -> -m.quantity()).sum())
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.get(0).available()).isEqualTo(5 - taken);
            assertThat(given.balance(edition, office, coe) + given.balance(edition, office, foundation))
                    .isEqualTo(5 - taken);
        }
    }

    @Test
    void manyThreadsOfRandomMovementsLeaveEveryBalanceEqualToItsMovementsAndNoneBelowZero() throws Exception {
        var edition = given.edition("Kit");
        List<Location> places = List.of(given.location("Office"), given.location("Warehouse"), given.location("Store"));
        List<Funder> payers = List.of(given.funder("Council of Europe"), given.funder("German foundation"));
        given.received(
                edition,
                places.get(0),
                Share.of(payers.get(0).id(), 40),
                Share.of(payers.get(1).id(), 30));
        given.received(
                edition,
                places.get(1),
                Share.of(payers.get(0).id(), 20),
                Share.of(payers.get(1).id(), 10));
        int threads = 8;
        int requestsEach = 40;
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = 7919L * (t + 1);
            workers.add(() -> {
                start.await();
                Random random = new Random(seed);
                for (int i = 0; i < requestsEach; i++) {
                    try {
                        stock.record(
                                UUID.randomUUID().toString(),
                                randomCommand(random, edition, places, payers),
                                StockFixtures.CLERK);
                        done.incrementAndGet();
                    } catch (InsufficientStock e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }

        runTogether(workers, start);

        assertThat(done.get() + refused.get()).isEqualTo(threads * requestsEach);
        assertThat(done.get()).isPositive();
        assertThat(refused.get()).isPositive();
        assertThat(stock.disagreements()).isEmpty();
        var filter = new StockFilter(edition.id(), null, null);
        assertThat(stock.balances(filter, new Paging(1, 100)).items())
                .allSatisfy(b -> assertThat(b.quantity()).isNotNegative());
        long negativeRunningBalances = db.sql(
                        "SELECT COUNT(*) FROM dist_movement WHERE edition_id = ? AND balance_after < 0")
                .param(edition.id().value())
                .query(Long.class)
                .single();
        assertThat(negativeRunningBalances).isZero();
        assertThat(stock.movements(filter, new Paging(1, 500)).items())
                .allSatisfy(m -> assertThat(m.balanceAfter()).isNotNegative());
        assertThat(runningBalancesAreConsistent(edition)).isTrue();
    }

    /** Replayed per item in the order of the running balances written, each movement takes its item from before to after. */
    private boolean runningBalancesAreConsistent(Edition edition) {
        Map<StockItem, Integer> sums = new java.util.HashMap<>();
        for (Movement m : stock.movements(new StockFilter(edition.id(), null, null), new Paging(1, 500))
                .items()) {
            sums.merge(new StockItem(m.edition(), m.location(), m.funder()), m.quantity(), Integer::sum);
        }
        return sums.entrySet().stream().allMatch(e -> stock.balance(e.getKey()) == e.getValue());
    }

    private static StockCommand randomCommand(
            Random random, Edition edition, List<Location> places, List<Funder> payers) {
        Location at = places.get(random.nextInt(places.size()));
        Funder funder = random.nextBoolean() ? payers.get(random.nextInt(payers.size())) : null;
        int copies = 1 + random.nextInt(9);
        return switch (random.nextInt(6)) {
            case 0 ->
                new StockCommand(
                        MovementType.DISPATCHED,
                        edition.id(),
                        at.id(),
                        null,
                        funder == null ? null : funder.id(),
                        copies,
                        null,
                        null);
            case 1 -> {
                Location to = places.get((places.indexOf(at) + 1 + random.nextInt(places.size() - 1)) % places.size());
                yield new StockCommand(
                        MovementType.TRANSFERRED,
                        edition.id(),
                        at.id(),
                        to.id(),
                        funder == null ? null : funder.id(),
                        copies,
                        null,
                        null);
            }
            case 2 ->
                new StockCommand(
                        MovementType.RETURNED,
                        edition.id(),
                        at.id(),
                        null,
                        payers.get(0).id(),
                        copies,
                        null,
                        null);
            case 3 ->
                new StockCommand(
                        MovementType.LOST,
                        edition.id(),
                        at.id(),
                        null,
                        funder == null ? null : funder.id(),
                        copies,
                        "lost",
                        null);
            default ->
                new StockCommand(
                        MovementType.ADJUSTED,
                        edition.id(),
                        at.id(),
                        null,
                        payers.get(random.nextInt(payers.size())).id(),
                        random.nextBoolean() ? copies : -copies,
                        "stocktake",
                        null);
        };
    }

    private Object dispatchAfter(CountDownLatch start, Edition edition, Location office, int copies) throws Exception {
        start.await();
        try {
            return given.dispatch(edition, office, null, copies);
        } catch (InsufficientStock e) {
            return e;
        }
    }

    /** Runs the tasks on threads of their own, releases them together through {@code start} and answers their outcomes. */
    static List<Object> runTogether(List<Callable<Object>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (var future : futures) {
                outcomes.add(future.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
