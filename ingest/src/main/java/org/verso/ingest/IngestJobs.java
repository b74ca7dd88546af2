package org.verso.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.ingest.internal.batch.IngestJobConfiguration;
import org.verso.ingest.internal.batch.IngestRows;
import org.verso.ingest.internal.batch.RunningFiles;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.ForbiddenOperationException;
import org.verso.library.InvalidInputException;
import org.verso.library.NotFoundException;
import org.verso.library.Sha256;
import org.verso.library.TooLargeException;

/**
 * Starts ingest jobs (uploads, folder imports, inbox batches, retries), runs them one at a time in the background,
 * resumes interrupted ones, and reports their progress. Thread-safe.
 *
 * <p>Throws {@link NotFoundException} ({@code ingest-job-not-found}, {@code ingest-item-not-found},
 * {@code document-not-found}), {@link ForbiddenOperationException} ({@code path-not-allowed}),
 * {@link InvalidInputException} ({@code not-a-folder}, {@code no-files}, {@code not-retryable}).
 */
@Service
public class IngestJobs implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);
    private static final int ITEMS_SHOWN = 1000;

    private final IngestRows rows;
    private final FileStore store;
    private final Documents documents;
    private final IngestPaths paths;
    private final IngestProperties properties;
    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunningFiles running;
    private final TransactionTemplate transactions;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-jobs");
        t.setDaemon(true);
        return t;
    });

    IngestJobs(
            IngestRows rows,
            FileStore store,
            Documents documents,
            IngestPaths paths,
            IngestProperties properties,
            JobOperator operator,
            JobRepository repository,
            Job ingestJob,
            RunningFiles running,
            TransactionTemplate transactions) {
        this.rows = rows;
        this.store = store;
        this.documents = documents;
        this.paths = paths;
        this.properties = properties;
        this.operator = operator;
        this.repository = repository;
        this.job = ingestJob;
        this.running = running;
        this.transactions = transactions;
    }

    /**
     * Stores uploaded files (each as it streams in) and queues a job that ingests them. A file over the size limit is
     * recorded as refused at once; the others are read by the job.
     */
    public JobProgress upload(List<Upload> uploads, DocumentId attachTo, String requestedBy) {
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidInputException("no-files", "Send at least one file.");
        }
        checkDocument(attachTo);
        UUID batch = UUID.randomUUID();
        record Stored(String name, Sha256 sha, long size, boolean tooLarge) {}
        List<Stored> stored = uploads.stream()
                .map(upload -> {
                    String name = org.verso.library.NewFile.fileName(upload.name());
                    try (InputStream in = upload.content()) {
                        Sha256 sha = store.store(in, properties.maxFileSize().toBytes());
                        return new Stored(name, sha, store.size(sha), false);
                    } catch (TooLargeException e) {
                        return new Stored(name, null, -1, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
        transactions.executeWithoutResult(status -> {
            rows.createBatch(batch, BatchSource.UPLOAD, null, attachTo, requestedBy, true);
            int seq = 0;
            for (Stored s : stored) {
                UUID item = rows.addItem(batch, ++seq, null, s.name(), s.sha(), s.tooLarge() ? null : s.size());
                if (s.tooLarge()) {
                    rows.finish(
                            item,
                            ItemOutcome.FAILED,
                            FailureReason.TOO_LARGE.code(),
                            FailureReason.TOO_LARGE.describe(
                                    "(the limit is " + properties.maxFileSize().toMegabytes() + " MB)"),
                            null,
                            null,
                            null,
                            null,
                            0);
                }
            }
        });
        launch(batch);
        return progress(batch);
    }

    /**
     * Queues the import of every file under a folder, which must lie under one of the allowed roots; symbolic links
     * and hidden files are left out.
     */
    public JobProgress importFolder(Path folder, DocumentId attachTo, String requestedBy) {
        Path real = allowedFolder(folder);
        checkDocument(attachTo);
        UUID batch = createFolderBatch(real, BatchSource.FOLDER, attachTo, requestedBy);
        launch(batch);
        return progress(batch);
    }

    /** Creates a batch over a folder without checking the allowed roots (command line, inbox); does not start it. */
    public UUID createFolderBatch(Path folder, BatchSource source, DocumentId attachTo, String requestedBy) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("not-a-folder", "There is no folder at " + folder + ".");
        }
        UUID batch = UUID.randomUUID();
        transactions.executeWithoutResult(status ->
                rows.createBatch(batch, source, folder.toAbsolutePath().normalize(), attachTo, requestedBy, false));
        return batch;
    }

    /**
     * The newest import of this folder whose job did not finish (its process was killed or stopped while it ran, or
     * the job failed), to be resumed with {@link #run(UUID)}: the resumed job reads only the files still pending.
     * Empty when every import of the folder finished. Files added to the folder since the job listed it are not
     * part of it.
     */
    public java.util.Optional<UUID> unfinishedImportOf(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        Path real;
        try {
            real = wanted.toRealPath();
        } catch (IOException e) {
            real = wanted;
        }
        List<IngestRows.Batch> open = rows.batchesWithUnfinishedItemsOrNoJob();
        for (int i = open.size() - 1; i >= 0; i--) {
            IngestRows.Batch b = open.get(i);
            boolean same = b.folder() != null
                    && (b.folder().equals(wanted) || b.folder().equals(real));
            if (b.source() == BatchSource.FOLDER && same && !queued.contains(b.id()) && !active.contains(b.id())) {
                return java.util.Optional.of(b.id());
            }
        }
        return java.util.Optional.empty();
    }

    /** Queues a new job that tries a failed file again (from its stored copy, or from where it was). */
    public JobProgress retry(UUID itemId, String requestedBy) {
        IngestItem item = rows.item(itemId)
                .orElseThrow(() -> new NotFoundException("ingest-item-not-found", "No ingest item " + itemId + "."));
        if (item.outcome() != ItemOutcome.FAILED) {
            throw new InvalidInputException(
                    "not-retryable",
                    "Only a failed file can be retried; this one is "
                            + item.outcome().apiName() + ".");
        }
        Path source = rows.sourcePath(itemId).orElse(null);
        if (item.sha256() == null && (source == null || !Files.isRegularFile(source))) {
            throw new InvalidInputException(
                    "not-retryable", "The file was never stored and is no longer where it was; send it again.");
        }
        IngestRows.Batch original = rows.batch(item.batchId()).orElseThrow();
        UUID batch = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            rows.createBatch(batch, BatchSource.RETRY, null, original.documentId(), requestedBy, true);
            rows.addItem(batch, 1, item.sha256() == null ? source : null, item.name(), item.sha256(), item.size());
        });
        launch(batch);
        return progress(batch);
    }

    /** Queues a batch's job in the background; jobs run one after the other. */
    public void launch(UUID batch) {
        queued.add(batch);
        launcher.submit(() -> {
            try {
                run(batch);
            } catch (RuntimeException e) {
                log.error("Ingest job {} failed", batch, e);
            }
        });
    }

    /**
     * Runs (or resumes) a batch's job in the calling thread and returns its final status. A run that was interrupted
     * (killed) is marked failed and restarted where it stopped.
     */
    public BatchStatus run(UUID batch) {
        queued.remove(batch);
        active.add(batch);
        try {
            JobParameters parameters = parameters(batch);
            return startOrRestart(parameters);
        } catch (Exception e) {
            throw new IllegalStateException("ingest job " + batch + " could not run: " + e.getMessage(), e);
        } finally {
            active.remove(batch);
            running.done(batch);
        }
    }

    private BatchStatus startOrRestart(JobParameters parameters) throws Exception {
        JobExecution last = repository.getLastJobExecution(IngestJobConfiguration.JOB_NAME, parameters);
        JobExecution execution;
        if (last == null) {
            execution = operator.start(job, parameters);
        } else if (last.getStatus() == BatchStatus.COMPLETED) {
            return BatchStatus.COMPLETED;
        } else {
            if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
                last = operator.recover(last); // a run that died with its process
            }
            execution = operator.restart(last);
        }
        return execution.getStatus();
    }

    /** Queues every batch whose job did not finish (the application was stopped or killed while it ran). */
    public int resumeInterrupted() {
        int resumed = 0;
        for (IngestRows.Batch batch : rows.batchesWithUnfinishedItemsOrNoJob()) {
            if (!queued.contains(batch.id()) && !active.contains(batch.id())) {
                log.info("Resuming interrupted ingest job {}", batch.id());
                launch(batch.id());
                resumed++;
            }
        }
        return resumed;
    }

    /** Where a job stands. */
    public JobProgress progress(UUID batch) {
        IngestRows.Batch b = rows.batch(batch)
                .orElseThrow(() -> new NotFoundException("ingest-job-not-found", "No ingest job " + batch + "."));
        IngestRows.Counts c = rows.counts(batch);
        String status = status(b, c);
        boolean runningNow = status.equals("running");
        // files read but not catalogued yet (their chunk is still open) count as done: the bar moves file by file
        int done = c.done();
        long doneBytes = c.doneBytes();
        Map<UUID, Long> read = running.readNotWritten(batch);
        for (UUID item : rows.stillPending(batch, read.keySet())) {
            done++;
            doneBytes += read.getOrDefault(item, 0L);
        }
        done = Math.min(done, c.total());
        Instant started = b.startedAt();
        Instant until = runningNow || c.lastFinished() == null ? Instant.now() : c.lastFinished();
        double seconds = started == null
                ? 0
                : Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : done / seconds;
        Long left = runningNow && rate > 0 && b.listed() ? Math.round((c.total() - done) / rate) : null;
        return new JobProgress(
                b.id(),
                b.source(),
                status,
                c.total(),
                done,
                c.ingested(),
                c.duplicates(),
                c.failed(),
                c.totalBytes(),
                c.totalBytes() > 0 ? Math.min(doneBytes, c.totalBytes()) : doneBytes,
                runningNow ? running.current(batch) : null,
                Math.round(rate * 100) / 100.0,
                left,
                b.createdAt(),
                rows.items(batch, ITEMS_SHOWN));
    }

    /** The most recent jobs, newest first, without their items. */
    public List<JobProgress> recent(int limit) {
        return rows.recentBatches(limit).stream()
                .map(b -> {
                    JobProgress p = progress(b.id());
                    return new JobProgress(
                            p.id(),
                            p.source(),
                            p.status(),
                            p.total(),
                            p.done(),
                            p.ingested(),
                            p.duplicates(),
                            p.failed(),
                            p.totalBytes(),
                            p.doneBytes(),
                            p.currentFile(),
                            p.filesPerSecond(),
                            p.secondsLeft(),
                            p.createdAt(),
                            List.of());
                })
                .toList();
    }

    /** Every item of a job, in order (for reports; may be long). */
    public List<IngestItem> items(UUID batch) {
        return rows.items(batch, Integer.MAX_VALUE);
    }

    /** The folder a job imports, if it imports one. */
    public java.util.Optional<Path> folderOf(UUID batch) {
        return rows.batch(batch).map(IngestRows.Batch::folder);
    }

    /** Every ingest of a stored file, newest first. */
    public List<IngestItem> historyOf(Sha256 file) {
        return rows.historyOf(file);
    }

    private String status(IngestRows.Batch b, IngestRows.Counts c) {
        if (active.contains(b.id())) {
            return "running";
        }
        if (queued.contains(b.id())) {
            return "queued";
        }
        if (b.jobExecutionId() == null) {
            return "queued";
        }
        JobExecution execution = repository.getJobExecution(b.jobExecutionId());
        BatchStatus s = execution == null ? BatchStatus.UNKNOWN : execution.getStatus();
        if (s == BatchStatus.COMPLETED) {
            return "completed";
        }
        if (s.isRunning() || s == BatchStatus.UNKNOWN) {
            return "interrupted";
        }
        return "failed";
    }

    /**
     * The real path of a folder under an allowed root. Whatever lies outside the roots is refused the same way whether
     * it exists or not, so that the answer tells nothing about the server's other paths; only a path under a root may
     * be reported missing.
     */
    private Path allowedFolder(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Path real = realOrAsIfExisting(folder.toAbsolutePath().normalize());
        boolean allowed = paths.allowedRoots().stream().anyMatch(real::startsWith);
        if (!allowed) {
            throw new ForbiddenOperationException(
                    "path-not-allowed",
                    "Imports may only read folders under " + paths.allowedRoots() + "; " + folder + " is outside.");
        }
        if (!Files.exists(real)) {
            throw new InvalidInputException("not-a-folder", "There is no folder at " + folder + ".");
        }
        if (!Files.isDirectory(real)) {
            throw new InvalidInputException("not-a-folder", folder + " is not a folder.");
        }
        return real;
    }

    /** The real path of the nearest existing ancestor with the rest of the path after it. */
    private static Path realOrAsIfExisting(Path absolute) {
        Path existing = absolute;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                return real.resolve(existing.relativize(absolute)).normalize();
            } catch (IOException e) {
                existing = existing.getParent();
            }
        }
        return absolute;
    }

    private void checkDocument(DocumentId attachTo) {
        if (attachTo != null && documents.find(attachTo).isEmpty()) {
            throw new NotFoundException("document-not-found", "No document has the id " + attachTo + ".");
        }
    }

    private static JobParameters parameters(UUID batch) {
        return new JobParametersBuilder()
                .addString(IngestJobConfiguration.BATCH_PARAMETER, batch.toString())
                .toJobParameters();
    }

    @Override
    public void destroy() {
        launcher.shutdownNow();
    }
}
