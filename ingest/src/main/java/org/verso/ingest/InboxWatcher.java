package org.verso.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.verso.ingest.internal.batch.InboxFiles;

/**
 * Watches the inbox folder: a file is taken once its size and modification time have not changed for
 * {@code verso.ingest.inbox-stable-for}; nested folders work. Taken files move (atomically, same disk) to a batch
 * folder under {@code .incoming/} and are ingested by the ingest job; afterwards they move to {@code processed/} or
 * {@code failed/} (with a {@code .reason.txt}). Nothing is deleted.
 */
@Component
class InboxWatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private final IngestJobs jobs;
    private final IngestProperties properties;
    private final Path inbox;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private boolean running;

    private record Seen(long size, long modified, Instant since) {}

    InboxWatcher(IngestJobs jobs, IngestProperties properties, IngestPaths paths, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.inbox = paths.inbox();
        this.clock = clock;
    }

    /** Looks at the inbox once: takes the files that have settled and starts a job for them; returns the job id. */
    public synchronized UUID poll() {
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            log.warn("Cannot create the inbox {}", inbox, e);
            return null;
        }
        Instant now = clock.instant();
        Map<Path, Seen> current = new HashMap<>();
        List<Path> stable = new java.util.ArrayList<>();
        for (Path file : candidates()) {
            try {
                long size = Files.size(file);
                long modified = Files.getLastModifiedTime(file).toMillis();
                Seen before = seen.get(file);
                Seen next = before != null && before.size() == size && before.modified() == modified
                        ? before
                        : new Seen(size, modified, now);
                current.put(file, next);
                if (before == next
                        && !next.since().plus(properties.inboxStableFor()).isAfter(now)) {
                    stable.add(file);
                }
            } catch (IOException e) {
                // vanished or unreadable while we looked: try again next time
            }
        }
        seen.clear();
        seen.putAll(current);
        if (stable.isEmpty()) {
            return null;
        }
        UUID batch = UUID.randomUUID();
        Path staging = inbox.resolve(InboxFiles.INCOMING).resolve(batch.toString());
        int moved = 0;
        for (Path file : stable) {
            Path target = staging.resolve(inbox.relativize(file).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                seen.remove(file);
                moved++;
            } catch (IOException e) {
                log.warn("Cannot take {} from the inbox", file, e);
            }
        }
        if (moved == 0) {
            return null;
        }
        UUID id = jobs.createFolderBatch(staging, BatchSource.INBOX, null, "inbox");
        jobs.launch(id);
        log.info("Inbox: {} file(s) taken into ingest job {}", moved, id);
        return id;
    }

    private List<Path> candidates() {
        try (Stream<Path> walk = Files.walk(inbox)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> {
                        Path first = inbox.relativize(p).getName(0);
                        String name = first.toString();
                        return !name.equals("processed") && !name.equals("failed") && !name.startsWith(".");
                    })
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        if (properties.resumeOnStart()) {
            jobs.resumeInterrupted();
        }
        if (!properties.inboxEnabled() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-inbox");
            t.setDaemon(true);
            return t;
        });
        long every = properties.inboxPoll().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        poll();
                    } catch (RuntimeException e) {
                        log.warn("Inbox poll failed", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
