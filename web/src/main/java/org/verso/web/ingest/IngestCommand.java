package org.verso.web.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.ingest.BatchSource;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.ItemOutcome;
import org.verso.ingest.JobProgress;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line mode: {@code java -jar verso.jar ingest <folder> [--report <file.json>] [--spring.options…]}.
 * Runs the same ingest job as the application, on the same data directory, without serving HTTP; prints a progress
 * bar and a summary, writes a JSON report when asked, and exits non-zero only when the job itself fails (2 for bad
 * arguments), not when single files are refused. Stop the application first: the embedded database allows one process.
 */
public final class IngestCommand {
    static final String NAME = "ingest";

    private IngestCommand() {}

    /** Whether the arguments ask for this mode. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the mode and returns the process exit status. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        Path folder = null;
        Path report = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--report") && i + 1 < args.length) {
                report = Path.of(args[++i]);
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else if (folder == null) {
                folder = Path.of(args[i]).toAbsolutePath().normalize();
            } else {
                return usage(out, "unexpected argument " + args[i]);
            }
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return usage(out, folder == null ? "no folder given" : "no folder at " + folder);
        }
        SpringApplication spring = new SpringApplication(application);
        spring.setDefaultProperties(Map.of(
                "server.port", "-1", // a web application context, but no server
                "verso.ingest.inbox-enabled", "false",
                "verso.ingest.resume-on-start", "false",
                "logging.level.root", "WARN",
                "logging.level.org.verso.web.users", "INFO",
                "spring.main.log-startup-info", "false"));
        try (ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new))) {
            IngestJobs jobs = context.getBean(IngestJobs.class);
            UUID batch = jobs.createFolderBatch(folder, BatchSource.FOLDER, null, "command-line");
            out.println("Ingesting " + folder + " (job " + batch + ")");
            ProgressBar bar = new ProgressBar(jobs, batch, out);
            Thread painter = new Thread(bar, "ingest-progress");
            painter.setDaemon(true);
            painter.start();
            long started = System.nanoTime();
            BatchStatus status = jobs.run(batch);
            bar.stop();
            painter.join(2000);
            JobProgress done = jobs.progress(batch);
            bar.paint(done);
            out.println();
            out.println(summary(done, (System.nanoTime() - started) / 1e9));
            for (IngestItem item : jobs.items(batch)) {
                if (item.outcome() == ItemOutcome.FAILED) {
                    out.println("  refused " + item.name() + ": " + item.reason());
                }
            }
            if (report != null) {
                writeReport(report, folder, jobs.items(batch));
                out.println("Report: " + report.toAbsolutePath());
            }
            return status == BatchStatus.COMPLETED ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            out.println("Could not write the report: " + e.getMessage());
            return 1;
        }
    }

    static String summary(JobProgress p, double seconds) {
        return String.format(
                Locale.ROOT,
                "%s: %d files in %.1f s (%.1f files/s): %d ingested, %d duplicates, %d failed",
                p.status(),
                p.total(),
                seconds,
                seconds > 0 ? p.done() / seconds : 0,
                p.ingested(),
                p.duplicates(),
                p.failed());
    }

    static void writeReport(Path report, Path folder, List<IngestItem> items) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (IngestItem item : items) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", folder.resolve(item.name()).toString());
            entry.put("outcome", item.outcome().apiName());
            entry.put("reason", item.reason());
            entry.put(
                    "documentId",
                    item.documentId() == null ? null : item.documentId().toString());
            entry.put("milliseconds", item.millis());
            entries.add(entry);
        }
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(
                report,
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(entries),
                StandardCharsets.UTF_8);
    }

    private static int usage(PrintStream out, String problem) {
        out.println("verso ingest: " + problem);
        out.println("usage: java -jar verso.jar ingest <folder> [--report <file.json>] [--verso.data-dir=<dir>]");
        return 2;
    }

    /** Repaints a one-line progress bar until stopped. */
    static final class ProgressBar implements Runnable {
        private final IngestJobs jobs;
        private final UUID batch;
        private final PrintStream out;
        private final boolean terminal = System.console() != null;
        private volatile boolean running = true;

        ProgressBar(IngestJobs jobs, UUID batch, PrintStream out) {
            this.jobs = jobs;
            this.batch = batch;
            this.out = out;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    Thread.sleep(terminal ? 300 : 2000);
                    if (running) {
                        paint(jobs.progress(batch));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the job may not be listed yet
                }
            }
        }

        synchronized void paint(JobProgress p) {
            int width = 30;
            int filled = p.percent() * width / 100;
            String line = String.format(
                    Locale.ROOT,
                    "[%s%s] %3d%% %d/%d files · %.1f/%.1f MB · %d failed · %.1f files/s%s%s",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    p.percent(),
                    p.done(),
                    p.total(),
                    p.doneBytes() / 1048576.0,
                    p.totalBytes() / 1048576.0,
                    p.failed(),
                    p.filesPerSecond(),
                    p.secondsLeft() == null ? "" : " · ~" + p.secondsLeft() + " s left",
                    p.currentFile() == null ? "" : " · " + shorten(p.currentFile()));
            if (terminal) {
                out.print("\r" + line + "\u001b[K");
            } else {
                out.println(line);
            }
            out.flush();
        }

        private static String shorten(String name) {
            return name.length() > 40 ? "…" + name.substring(name.length() - 39) : name;
        }
    }
}
