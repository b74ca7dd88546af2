package org.verso.bench.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a bounded number of calls from N concurrent clients and reports latency percentiles and throughput. */
final class Load {
    /** One client: makes call number {@code i}; returns something to keep the work from being optimised away. */
    interface Client {
        long call(int i) throws Exception;
    }

    record Figures(String name, int calls, double seconds, double p50, double p99, double max) {
        double throughput() {
            return calls / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-38s %7d calls  %8.1f /s   p50 %7.2f ms   p99 %7.2f ms   max %7.1f ms",
                    name, calls, throughput(), p50, p99, max);
        }
    }

    private Load() {}

    static Figures run(String name, int clients, int callsPerClient, List<Client> perClient) throws Exception {
        System.out.printf("  running %s: %d clients × %d calls…%n", name, clients, callsPerClient);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong sink = new AtomicLong();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                Client client = perClient.get(c);
                int offset = c * 7919;
                futures.add(pool.submit(() -> {
                    long[] nanos = new long[callsPerClient];
                    for (int i = 0; i < callsPerClient; i++) {
                        long t = System.nanoTime();
                        sink.addAndGet(client.call(offset + i));
                        nanos[i] = System.nanoTime() - t;
                    }
                    return nanos;
                }));
            }
            long[] all = new long[clients * callsPerClient];
            int at = 0;
            for (Future<long[]> future : futures) {
                long[] nanos = future.get();
                System.arraycopy(nanos, 0, all, at, nanos.length);
                at += nanos.length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            return new Figures(
                    name,
                    all.length,
                    seconds,
                    all[(int) (all.length * 0.50)] / 1e6,
                    all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6,
                    all[all.length - 1] / 1e6);
        } finally {
            pool.shutdownNow();
            if (sink.get() == Long.MIN_VALUE) {
                System.out.println(); // never: keeps the results alive
            }
        }
    }
}
