package org.verso.web.ingest;

import java.util.List;
import org.springframework.stereotype.Component;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.JobProgress;
import org.verso.web.shell.TileFigure;
import org.verso.web.shell.TileFigures;

/** The ingest tile counts the jobs running or waiting, and the failed files of the recent jobs (the ingest page's). */
@Component
class IngestTiles implements TileFigures {
    static final int RECENT = 20;
    private final IngestJobs jobs;

    IngestTiles(IngestJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<TileFigure> figures() {
        List<JobProgress> recent = jobs.recent(RECENT);
        long running = recent.stream()
                .filter(j -> j.status().equals("running") || j.status().equals("queued"))
                .count();
        long failed = recent.stream().mapToLong(JobProgress::failed).sum();
        return List.of(
                new TileFigure("/ingest", "jobs-running", "home.figure.jobsRunning", running, false),
                new TileFigure("/ingest", "failures", "home.figure.failures", failed, failed > 0));
    }
}
