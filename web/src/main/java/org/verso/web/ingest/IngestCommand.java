package org.verso.web.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The command-line mode: {@code java -jar verso.jar ingest <folder> [--report <file.jsonl>] [--spring.options…]}.
 * Runs the same ingest job as the application, on the same data directory, without serving HTTP; prints a progress
 * bar and a summary, writes a JSON Lines report as files finish when asked ({@link JsonLinesReport}), and exits
 * non-zero only when the job itself fails (2 for bad arguments), not when single files are refused. A folder whose
 * last import was interrupted (the process killed or stopped) resumes that job: only the files still pending are
 * read. Stop the application first: the embedded database allows one process.
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
            UUID batch = jobs.unfinishedImportOf(folder).orElse(null);
            int doneBefore = 0;
            if (batch == null) {
                batch = jobs.createFolderBatch(folder, BatchSource.FOLDER, null, "command-line");
                out.println("Ingesting " + folder + " (job " + batch + ")");
            } else {
                JobProgress before = jobs.progress(batch);
                doneBefore = before.done();
                out.println("Resuming the interrupted job " + batch + " of " + folder + ": " + before.done() + " of "
                        + before.total() + " files were done");
            }
            return ingest(jobs, batch, folder, report, doneBefore, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            out.println("Could not write the report: " + e.getMessage());
            return 1;
        }
    }

    private static int ingest(IngestJobs jobs, UUID batch, Path folder, Path report, int doneBefore, PrintStream out)
            throws IOException, InterruptedException {
        ProgressBar bar = new ProgressBar(jobs, batch, out);
        Thread painter = new Thread(bar, "ingest-progress");
        painter.setDaemon(true);
        painter.start();
        try (JsonLinesReport lines = report == null ? null : JsonLinesReport.open(report, folder, batch)) {
            ReportWriter reporter = lines == null ? null : new ReportWriter(jobs, batch, lines);
            Thread reporting = reporter == null ? null : new Thread(reporter, "ingest-report");
            if (reporting != null) {
                reporting.setDaemon(true);
                reporting.start();
            }
            long started = System.nanoTime();
            BatchStatus status = jobs.run(batch);
            bar.stop();
            painter.join(2000);
            if (reporting != null) {
                reporter.stop();
                reporting.join(5000);
            }
            JobProgress done = jobs.progress(batch);
            bar.paint(done);
            out.println();
            out.println(summary(done, (System.nanoTime() - started) / 1e9, doneBefore));
            List<IngestItem> items = jobs.items(batch);
            for (IngestItem item : items) {
                if (item.outcome() == ItemOutcome.FAILED) {
                    out.println("  refused " + item.name() + ": " + item.reason());
                }
            }
            if (lines != null) {
                lines.add(items);
                out.println("Report: " + report.toAbsolutePath());
            }
            return status == BatchStatus.COMPLETED ? 0 : 1;
        }
    }

    /** The last line: the job's counts, and the rate of the files this run read ({@code doneBefore}: by earlier runs). */
    static String summary(JobProgress p, double seconds, int doneBefore) {
        return String.format(
                Locale.ROOT,
                "%s: %d files in %.1f s (%.1f files/s): %d ingested, %d duplicates, %d failed",
                p.status(),
                p.total(),
                seconds,
                seconds > 0 ? (p.done() - doneBefore) / seconds : 0,
                p.ingested(),
                p.duplicates(),
                p.failed());
    }

    private static int usage(PrintStream out, String problem) {
        out.println("verso ingest: " + problem);
        out.println("usage: java -jar verso.jar ingest <folder> [--report <file.jsonl>] [--verso.data-dir=<dir>]");
        return 2;
    }

    /** Appends the files finished so far to the report, about twice a second, until stopped. */
    static final class ReportWriter implements Runnable {
        private final IngestJobs jobs;
        private final UUID batch;
        private final JsonLinesReport report;
        private volatile boolean running = true;

        ReportWriter(IngestJobs jobs, UUID batch, JsonLinesReport report) {
            this.jobs = jobs;
            this.batch = batch;
            this.report = report;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    Thread.sleep(500);
                    report.add(jobs.items(batch));
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // tried again on the next round; the report is completed when the job ends
                }
            }
        }
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
