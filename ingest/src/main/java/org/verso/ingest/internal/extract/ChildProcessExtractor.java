package org.verso.ingest.internal.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verso.ingest.Extraction;
import org.verso.ingest.Extractor;
import org.verso.ingest.FailureReason;
import org.verso.ingest.IngestProperties;

/**
 * Runs Tika in a small pool of worker JVMs, each with a capped heap, so that a parser that hangs, loops or eats memory
 * takes down only its own process: it is killed after the time limit (or dies on OutOfMemoryError), the file is
 * refused with the reason, and a fresh worker takes its place. Workers are reused across files and started lazily.
 * Thread-safe; at most {@code workers} files are parsed at once.
 */
public final class ChildProcessExtractor implements Extractor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildProcessExtractor.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command;
    private final Path log_;
    private final Duration timeout;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<WorkerProcess> idle = new ConcurrentLinkedQueue<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ingest-worker-pipe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public ChildProcessExtractor(IngestProperties properties, Path workDir) {
        this(
                properties.workers(),
                properties.workerHeap().toMegabytes(),
                properties.parseTimeout(),
                new Limits(
                        properties.maxTextChars(),
                        properties.maxCompressionRatio(),
                        properties.maxUnpackedSize().toBytes(),
                        properties.maxNestingDepth()),
                workDir);
    }

    ChildProcessExtractor(int workers, long heapMegabytes, Duration timeout, Limits limits, Path workDir) {
        this.timeout = timeout;
        this.slots = new Semaphore(workers, true);
        try {
            Files.createDirectories(workDir);
            this.log_ = workDir.resolve("parser-workers.log");
            Path logback = workDir.resolve("parser-logback.xml");
            Files.writeString(logback, LOGBACK, StandardCharsets.UTF_8);
            this.command = command(heapMegabytes, limits, logback);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the ingest work folder " + workDir, e);
        }
    }

    @Override
    public Extraction extract(Path file) {
        if (closed) {
            throw new IllegalStateException("the extractor is closed");
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Extraction.failed(FailureReason.PARSER_CRASHED, "(interrupted)", null);
        }
        try {
            WorkerProcess worker = idle.poll();
            if (worker == null || !worker.usable()) {
                worker = WorkerProcess.start(command, log_, START_TIMEOUT, readers);
            }
            Extraction result = worker.extract(file, timeout);
            if (worker.usable() && !closed) {
                idle.add(worker);
            } else {
                worker.kill();
                if (!result.succeeded()) {
                    log.info("Parser process for {} ended: {}", file.getFileName(), result.reason());
                }
            }
            return result;
        } catch (IOException e) {
            log.error("Cannot start a parser process", e);
            return Extraction.failed(FailureReason.PARSER_CRASHED, "(the parser process could not start)", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Extraction.failed(FailureReason.PARSER_CRASHED, "(interrupted)", null);
        } finally {
            slots.release();
        }
    }

    /** The process ids of the idle workers, for tests and diagnostics. */
    List<Long> idleWorkerPids() {
        return idle.stream().map(WorkerProcess::pid).toList();
    }

    @Override
    public void close() {
        closed = true;
        WorkerProcess worker;
        while ((worker = idle.poll()) != null) {
            worker.stop();
        }
        readers.shutdownNow();
    }

    private static List<String> command(long heapMegabytes, Limits limits, Path logback) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapMegabytes + "m");
        cmd.add("-Xss8m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        Path bootJar = springBootJar();
        if (bootJar != null) {
            cmd.add("-Dloader.main=" + WorkerMain.class.getName());
            cmd.add("-cp");
            cmd.add(bootJar.toString());
            cmd.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(WorkerMain.class.getName());
        }
        cmd.addAll(limits.toArgs());
        return cmd;
    }

    /** The executable jar the application runs from, when it runs from one; {@code null} otherwise. */
    private static Path springBootJar() {
        try {
            var source = WorkerMain.class.getProtectionDomain().getCodeSource();
            if (source == null || !source.getLocation().toString().startsWith("jar:nested:")) {
                return null;
            }
        } catch (SecurityException e) {
            return null;
        }
        String classPath = System.getProperty("java.class.path");
        try {
            return classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                    ? Path.of(classPath).toAbsolutePath()
                    : Path.of(WorkerMain.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()
                            .getSchemeSpecificPart()
                            .replaceFirst("^nested:", "")
                            .replaceFirst("/!BOOT-INF.*$", ""));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static final String LOGBACK =
            """
            <configuration>
              <appender name="err" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder><pattern>%d{HH:mm:ss} %-5level %logger{30} - %msg%n</pattern></encoder>
              </appender>
              <root level="ERROR"><appender-ref ref="err"/></root>
            </configuration>
            """;
}
