package org.verso.ingest.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

class ReadAheadReaderTest {
    private final ThreadPoolTaskExecutor executor = executor(2);

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void itemsComeOutInTheirOrderWhileLaterOnesAreAlreadyBeingRead() throws Exception {
        List<IngestRows.Pending> items = items(12);
        CountDownLatch firstReleased = new CountDownLatch(1);
        var started = ConcurrentHashMap.<Integer>newKeySet();
        ItemProcessor<IngestRows.Pending, Processed> slowFirst = item -> {
            started.add(item.seq());
            if (item.seq() == 1) {
                firstReleased.await(10, TimeUnit.SECONDS); // the first file is the slow one
            }
            return succeeded(item);
        };
        var reader = new ReadAheadReader(source(items), slowFirst, executor, 5);
        reader.open(new ExecutionContext());

        Thread releaser = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 10_000;
            while (started.size() < 5 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            firstReleased.countDown();
        });
        releaser.start();
        List<Integer> order = new ArrayList<>();
        Processed p;
        while ((p = reader.read()) != null) {
            order.add(p.item().seq());
        }
        releaser.join();
        reader.close();

        assertThat(order)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(firstReleased.getCount())
                .as("files 2–5 were read while file 1 was")
                .isZero();
    }

    @Test
    void neverHoldsMoreThanTheWindowBesidesTheItemHandedOut() throws Exception {
        AtomicInteger inHand = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ItemProcessor<IngestRows.Pending, Processed> counting = item -> {
            most.accumulateAndGet(inHand.incrementAndGet(), Math::max);
            return succeeded(item);
        };
        var reader = new ReadAheadReader(source(items(30)), counting, executor, 4);
        reader.open(new ExecutionContext());

        boolean first = true;
        while (reader.read() != null) {
            if (first) { // while the first file is in hand, the next ones are read ahead (the workers may be slow)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (inHand.get() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                first = false;
            }
            inHand.decrementAndGet();
        }
        reader.close();

        assertThat(most.get()).isBetween(2, 4 + 1);
    }

    @Test
    void anUnexpectedErrorBecomesThatFilesFailureAndTheOthersGoOn() throws Exception {
        ItemProcessor<IngestRows.Pending, Processed> failingSecond = item -> {
            if (item.seq() == 2) {
                throw new IllegalStateException("boom in the parser glue");
            }
            return succeeded(item);
        };
        var reader = new ReadAheadReader(source(items(3)), failingSecond, executor, 3);
        reader.open(new ExecutionContext());

        List<Processed> out = new ArrayList<>();
        Processed p;
        while ((p = reader.read()) != null) {
            out.add(p);
        }
        reader.close();

        assertThat(out).hasSize(3);
        assertThat(out.get(1).extraction().failure()).isEqualTo(FailureReason.PARSER_CRASHED);
        assertThat(out.get(1).extraction().reason()).contains("boom in the parser glue");
        assertThat(out.get(0).extraction().succeeded()).isTrue();
        assertThat(out.get(2).extraction().succeeded()).isTrue();
    }

    @Test
    void aDatabaseThatIsDownFailsTheStepInsteadOfTheFile() throws Exception {
        ItemProcessor<IngestRows.Pending, Processed> dbDown = item -> {
            throw new DataAccessResourceFailureException("connection refused");
        };
        var reader = new ReadAheadReader(source(items(2)), dbDown, executor, 2);
        reader.open(new ExecutionContext());

        assertThatThrownBy(reader::read).isInstanceOf(DataAccessResourceFailureException.class);
        reader.close();
    }

    private static Processed succeeded(IngestRows.Pending item) {
        return new Processed(
                item,
                null,
                1L,
                new Extraction(null, null, "text/plain", null, null, null, null, null, null, null, null, "text", false),
                0);
    }

    private static List<IngestRows.Pending> items(int n) {
        UUID batch = UUID.randomUUID();
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new IngestRows.Pending(UUID.randomUUID(), batch, i, "f" + i + ".txt", null, null, 1L))
                .toList();
    }

    private static ItemStreamReader<IngestRows.Pending> source(List<IngestRows.Pending> items) {
        Iterator<IngestRows.Pending> it = items.iterator();
        return new ItemStreamReader<>() {
            @Override
            public IngestRows.Pending read() {
                return it.hasNext() ? it.next() : null;
            }
        };
    }

    private static ThreadPoolTaskExecutor executor(int threads) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.initialize();
        return executor;
    }
}
