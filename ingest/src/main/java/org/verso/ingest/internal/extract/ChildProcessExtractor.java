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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verso.ingest.Extraction;
import org.verso.ingest.Extractor;
import org.verso.ingest.FailureReason;
import org.verso.ingest.IngestProperties;

/**
 * Runs Tika in a small pool of worker JVMs, each with a capped heap, so that a parser that hangs, loops or eats memory
 * takes down only its own process: it is killed after the time limit (or dies on OutOfMemoryError), the file is
 * refused with the reason, and a fresh worker is started in the background to take its place. The pool has one slot
 * per worker; a slot's process is reused across files and jobs for the life of the extractor, started on first use or
 * ahead of time by {@link #startWorkers()}. Thread-safe; at most {@code workers} files are parsed at once.
 */
public final class ChildProcessExtractor implements Extractor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildProcessExtractor.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command;
    private final Path log_;
    private final Duration timeout;
    private final BlockingQueue<Slot> free;
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ingest-worker-pipe");
        t.setDaemon(true);
        return t;
    });
    private boolean closed; // guarded by this

    public ChildProcessExtractor(IngestProperties properties, Path workDir) {
        this(
                properties.workers(),
                properties.workerHeap().toMegabytes(),
                properties.parseTimeout(),
                new Limits(
                        properties.maxTextChars(),
                        properties.maxCompressionRatio(),
                        properties.maxUnpackedSize().toBytes(),
                        properties.maxNestingDepth(),
                        properties.ocrEnabled(),
                        properties.ocrLanguages()),
                workDir);
    }

    ChildProcessExtractor(int workers, long heapMegabytes, Duration timeout, Limits limits, Path workDir) {
        this.timeout = timeout;
        this.free = new ArrayBlockingQueue<>(workers, true);
        for (int i = 0; i < workers; i++) {
            free.add(new Slot());
        }
        try {
            Files.createDirectories(workDir);
            this.log_ = workDir.resolve("parser-workers.log");
            Path logback = workDir.resolve("parser-logback.xml");
            Files.writeString(logback, LOGBACK, StandardCharsets.UTF_8);
            Path unpacked = workDir.resolve("unpacked");
            ArchiveUnpacker.deleteQuietly(unpacked); // left by a worker killed in the middle of an archive
            Files.createDirectories(unpacked);
            this.command = command(heapMegabytes, limits, logback, unpacked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the ingest work folder " + workDir, e);
        }
    }

    @Override
    public Extraction extract(Path file) {
        Slot slot;
        try {
            slot = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Extraction.failed(FailureReason.PARSER_CRASHED, "(interrupted)", null);
        }
        try {
            if (isClosed()) {
                throw new IllegalStateException("the extractor is closed");
            }
            WorkerProcess worker = slot.ready();
            Extraction result = worker.extract(file, timeout);
            if (!worker.usable()) {
                worker.kill();
                if (!result.succeeded()) {
                    log.info("Parser process for {} ended: {}", file.getFileName(), result.reason());
                }
                slot.startInBackground(); // the next file finds a fresh worker, not a cold start
            }
            return result;
        } catch (IOException e) {
            log.error("Cannot start a parser process", e);
            return Extraction.failed(FailureReason.PARSER_CRASHED, "(the parser process could not start)", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Extraction.failed(FailureReason.PARSER_CRASHED, "(interrupted)", null);
        } finally {
            giveBack(slot);
        }
    }

    /**
     * Starts, in the background, the worker processes that are not running yet, so that the first files of a job do not
     * wait for them. Returns at once; harmless when they are all running.
     */
    public void startWorkers() {
        List<Slot> idle = new ArrayList<>();
        free.drainTo(idle);
        for (Slot slot : idle) {
            if (!isClosed()) {
                slot.startInBackground();
            }
            giveBack(slot);
        }
    }

    /** The process ids of the running workers not busy with a file, for tests and diagnostics. */
    public List<Long> idleWorkerPids() {
        return free.stream().map(Slot::pid).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void close() {
        List<Slot> idle = new ArrayList<>();
        synchronized (this) {
            closed = true;
            free.drainTo(idle);
        }
        idle.forEach(Slot::stop);
        readers.shutdownNow();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void giveBack(Slot slot) {
        synchronized (this) {
            if (!closed) {
                free.add(slot);
                return;
            }
        }
        slot.stop();
    }

    private WorkerProcess startProcess() throws IOException {
        return WorkerProcess.start(command, log_, START_TIMEOUT, readers);
    }

    /** A place in the pool: at most one process, perhaps still starting. Used by one thread at a time. */
    private final class Slot {
        private Future<WorkerProcess> starting;
        private WorkerProcess process;

        /** The slot's live process: the one it has, the one starting (waited for), or a new one. */
        WorkerProcess ready() throws IOException, InterruptedException {
            if (starting != null) {
                Future<WorkerProcess> pending = starting;
                try {
                    process = pending.get();
                    starting = null;
                } catch (InterruptedException e) {
                    throw e; // still starting: keep it for the next caller
                } catch (ExecutionException e) {
                    starting = null;
                    process = null;
                    log.warn("A parser process started in the background did not come up; starting another", e);
                }
            }
            if (process == null || !process.usable()) {
                if (process != null) {
                    process.kill();
                }
                process = null;
                process = startProcess();
            }
            return process;
        }

        void startInBackground() {
            if (starting == null && (process == null || !process.usable())) {
                process = null;
                try {
                    starting = readers.submit(ChildProcessExtractor.this::startProcess);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    starting = null; // closing
                }
            }
        }

        /** The live process's id, also of one started in the background; {@code null} when none is up yet. */
        Long pid() {
            WorkerProcess p = process;
            if (starting != null && starting.isDone() && !starting.isCancelled()) {
                try {
                    p = starting.get(); // done: does not block
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    p = null;
                }
            }
            return p != null && p.usable() ? p.pid() : null;
        }

        void stop() {
            if (starting != null) {
                starting.cancel(true); // an interrupted start kills its process
                if (!starting.isCancelled()) {
                    try {
                        starting.get().stop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                        // it never came up
                    }
                }
                starting = null;
            }
            if (process != null) {
                process.stop();
                process = null;
            }
        }
    }

    /** The command line of one worker process. */
    List<String> workerCommand() {
        return command;
    }

    private static List<String> command(long heapMegabytes, Limits limits, Path logback, Path unpacked) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapMegabytes + "m");
        cmd.add("-Xss8m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        // C1 only: Tika's code is vast and each worker would spend more on C2 recompilation than it wins back
        // (measured: about half the CPU per file, and a cold start in half the time; measured again with the ingest
        // benchmark: full tiered compilation still costs 30-60 % more worker CPU after 600 files per worker)
        cmd.add("-XX:TieredStopAtLevel=1");

        // the JVM's own messages go to stdout by default: keep stdout for the protocol
        cmd.add("-XX:+DisplayVMOutputToStderr");
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        cmd.add("-D" + WorkerMain.APPLICATION_PID + "="
                + ProcessHandle.current().pid());
        cmd.add("-D" + WorkerMain.UNPACK_DIR + "=" + unpacked.toAbsolutePath());
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
              <!-- Woodstox (Okapi's StAX provider) lacks accessExternalDTD; Tika warns with a stack trace for every
                   XML part it reads with StAX. External entities stay off (Tika turns off DTDs and external entities,
                   and the container guard refuses their declarations before any parser). -->
              <logger name="org.apache.tika.utils.XMLReaderUtils" level="ERROR"/>
              <root level="ERROR"><appender-ref ref="err"/></root>
            </configuration>
            """;
}
