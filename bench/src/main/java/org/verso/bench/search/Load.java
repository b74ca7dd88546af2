package org.verso.bench.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a bounded number of calls from N concurrent clients and reports latency percentiles and throughput. */
final class Load {
    /**
     * One client: makes its call number {@code i} (from 0); returns something to keep the work from being optimised
     * away.
     */
    interface Client {
        long call(int i) throws Exception;
    }

    /**
     * What a run measured: wall-clock latency and throughput, and CPU time per call, of the whole process and of the
     * web server's request threads ({@code http-nio-*}), which other load on the machine distorts far less, and the
     * time the JIT compilers worked meanwhile (in milliseconds; printed per call), and the cores' worth of CPU other
     * processes of the machine took meanwhile (what spoils the figures on a shared machine).
     */
    record Figures(
            String name,
            int calls,
            double seconds,
            double p50,
            double p99,
            double max,
            double cpuPerCall,
            double serverCpuPerCall,
            double compileMillis,
            double otherCores) {
        double throughput() {
            return calls / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-46s %6d calls %7.1f /s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms  CPU %5.2f ms/call%s  JIT %4.2f"
                            + "  others %.2f cores",
                    name,
                    calls,
                    throughput(),
                    p50,
                    p99,
                    max,
                    cpuPerCall,
                    serverCpuPerCall > 0.05 ? String.format(" (server %5.2f)", serverCpuPerCall) : "",
                    compileMillis / calls,
                    otherCores);
        }

        /** The share of the run's CPU time (both cores' worth of wall clock) the JIT compilers took. */
        double compileShare() {
            return compileMillis / (seconds * 1000 * Runtime.getRuntime().availableProcessors());
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time so far of the web server's threads (Tomcat's request threads are named {@code http-nio-…}). */
    private static long serverCpu() {
        long sum = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("http-nio-")) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    /** Milliseconds the JIT compilers have worked so far (all compiler threads). */
    private static long compileMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime()
                : 0;
    }

    /**
     * CPU clock ticks (user + system) spent so far by the whole machine and by this process, from {@code /proc}; both
     * 0 where it is not there. Their difference over a run is what other processes took from the cores meanwhile.
     */
    static long[] machineAndOwnTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(cpu[i]);
            }
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {busy, Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
        } catch (Exception | Error unreadable) {
            return new long[] {0, 0};
        }
    }

    /** Cores' worth of CPU that other processes took between two {@link #machineAndOwnTicks()} (100 ticks/s). */
    static double otherCores(long[] before, long[] after, double seconds) {
        long others = (after[0] - before[0]) - (after[1] - before[1]);
        return Math.max(0, others) / 100.0 / seconds;
    }

    private Load() {}

    static Figures run(String name, int clients, int callsPerClient, List<Client> perClient) throws Exception {
        System.out.printf("  running %s: %d clients × %d calls…%n", name, clients, callsPerClient);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong sink = new AtomicLong();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long cpu = processCpu();
            long server = serverCpu();
            long compiled = compileMillis();
            long[] ticks = machineAndOwnTicks();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                Client client = perClient.get(c);
                futures.add(pool.submit(() -> {
                    long[] nanos = new long[callsPerClient];
                    for (int i = 0; i < callsPerClient; i++) {
                        long t = System.nanoTime();
                        sink.addAndGet(client.call(i));
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
            double others = otherCores(ticks, machineAndOwnTicks(), seconds);
            double cpuPerCall = (processCpu() - cpu) / 1e6 / all.length;
            double serverPerCall = (serverCpu() - server) / 1e6 / all.length;
            Arrays.sort(all);
            return new Figures(
                    name,
                    all.length,
                    seconds,
                    all[(int) (all.length * 0.50)] / 1e6,
                    all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6,
                    all[all.length - 1] / 1e6,
                    cpuPerCall,
                    serverPerCall,
                    compileMillis() - compiled,
                    others);
        } finally {
            pool.shutdownNow();
            if (sink.get() == Long.MIN_VALUE) {
                System.out.println(); // never: keeps the results alive
            }
        }
    }
}
