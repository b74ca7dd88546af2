package org.verso.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.verso.bench.Trees;

/**
 * Start-up of the packaged application as a user starts it ({@code java -jar verso.jar}), each start in a fresh JVM:
 * the time from launching the process to {@code /actuator/health} answering UP, and the CPU time the application's
 * process used until then, on a fresh data directory and on an existing one (the same directory started again),
 * alternately; then the time the first {@code /v3/api-docs} call takes, made 15 s after UP. Prints every start, the
 * medians and the load average before and after (the figures are noisy on a shared machine: CPU seconds are the
 * steadier measure).
 *
 * <p>Depends on the JDK only, so that it runs as a source file: {@code java StartupBenchmark.java <verso.jar> [runs]}
 * ({@code scripts/bench startup}).
 */
public final class StartupBenchmark {
    private static final String PASSWORD = "startup-bench-password";
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");
    private static final Duration LIMIT = Duration.ofMinutes(5);
    /** When the first {@code /v3/api-docs} call is made: a while after UP, as a person opening the API would. */
    private static final Duration DOCS_AFTER = Duration.ofSeconds(15);

    private final Path jar;
    private final List<String> jvmOptions;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StartupBenchmark(Path jar, List<String> jvmOptions) {
        this.jar = jar;
        this.jvmOptions = jvmOptions;
    }

    /** One start: wall time to UP, CPU of the application's process at UP, Spring's own figure, first api-docs. */
    record Start(String kind, double upSeconds, double cpuSeconds, double springSeconds, double apiDocsSeconds) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-8s  UP after %5.2f s  CPU %5.2f s  (Spring: started in %5.2f s)  first /v3/api-docs (15 s after UP) %5.2f s",
                    kind,
                    upSeconds,
                    cpuSeconds,
                    springSeconds,
                    apiDocsSeconds);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StartupBenchmark <verso.jar> [runs] [JVM options…]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> options = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        new StartupBenchmark(jar, options).run(runs);
    }

    private void run(int runs) throws Exception {
        System.out.printf(
                "verso start-up: %s, %d runs each, %d cores, java %s%s%n",
                jar,
                runs,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                jvmOptions.isEmpty() ? "" : ", JVM options " + jvmOptions);
        System.out.println("load average before: " + loadAverage());
        List<Start> fresh = new ArrayList<>();
        List<Start> existing = new ArrayList<>();
        Path root = Trees.temporary("verso-startup-");
        try {
            for (int i = 1; i <= runs; i++) {
                Path data = root.resolve("data-" + i);
                Start first = start("fresh", data, root.resolve("fresh-" + i + ".log"));
                System.out.println(first);
                fresh.add(first);
                Start again = start("existing", data, root.resolve("existing-" + i + ".log"));
                System.out.println(again);
                existing.add(again);
            }
        } finally {
            delete(root);
        }
        System.out.println("load average after:  " + loadAverage());
        summary("fresh data directory   ", fresh);
        summary("existing data directory", existing);
    }

    private Start start(String kind, Path data, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("VERSO_DATA_DIR", data.toString());
        builder.environment().put("VERSO_ADMIN_PASSWORD", PASSWORD);
        long launched = System.nanoTime();
        Process app = builder.start();
        try {
            double up = awaitUp(app, port, launched);
            double cpu = cpuSeconds(app);
            Thread.sleep(DOCS_AFTER.toMillis());
            long docsFrom = System.nanoTime();
            int status = get(port, "/v3/api-docs", true);
            double docs = (System.nanoTime() - docsFrom) / 1e9;
            if (status != 200) {
                throw new IllegalStateException("/v3/api-docs answered " + status);
            }
            return new Start(kind, up, cpu, springSeconds(log), docs);
        } finally {
            stop(app);
        }
    }

    private double awaitUp(Process app, int port, long launched) throws InterruptedException {
        while (System.nanoTime() - launched < LIMIT.toNanos()) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited with " + app.exitValue());
            }
            try {
                if (get(port, "/actuator/health", false) == 200) {
                    return (System.nanoTime() - launched) / 1e9;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep asking
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no health UP within " + LIMIT);
    }

    private int get(int port, String path, boolean signedIn) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (signedIn) {
            String credentials = "admin:" + PASSWORD;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (path.equals("/actuator/health") && !response.body().contains("UP")) {
                return 503;
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** User and system CPU time of the application's own process (not its worker processes) so far. */
    private static double cpuSeconds(Process app) {
        return app.toHandle()
                        .info()
                        .totalCpuDuration()
                        .orElseThrow(() -> new IllegalStateException("no CPU time for the process"))
                        .toMillis()
                / 1000.0;
    }

    private static double springSeconds(Path log) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static void stop(Process app) throws InterruptedException {
        List<ProcessHandle> children = app.descendants().toList();
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
            app.waitFor();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void summary(String label, List<Start> starts) {
        System.out.printf(
                Locale.ROOT,
                "%s  median UP %5.2f s (%.2f–%.2f)  median CPU %5.2f s (%.2f–%.2f)  first api-docs %5.2f s%n",
                label,
                median(starts, Start::upSeconds),
                min(starts, Start::upSeconds),
                max(starts, Start::upSeconds),
                median(starts, Start::cpuSeconds),
                min(starts, Start::cpuSeconds),
                max(starts, Start::cpuSeconds),
                median(starts, Start::apiDocsSeconds));
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
        double[] v = starts.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
        return starts.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<Start> starts, java.util.function.ToDoubleFunction<Start> f) {
        return starts.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
