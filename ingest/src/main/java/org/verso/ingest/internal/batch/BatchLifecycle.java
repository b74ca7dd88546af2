package org.verso.ingest.internal.batch;

import java.util.UUID;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Notes each run of a batch's job, and hands finished inbox batches to the inbox to sort their files. */
@Component
class BatchLifecycle implements JobExecutionListener {
    private final IngestRows rows;
    private final RunningFiles running;
    private final InboxFiles inbox;

    BatchLifecycle(IngestRows rows, RunningFiles running, InboxFiles inbox) {
        this.rows = rows;
        this.running = running;
        this.inbox = inbox;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        rows.setExecution(batchOf(execution), execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        UUID batch = batchOf(execution);
        running.done(batch);
        inbox.settle(batch);
    }

    static UUID batchOf(JobExecution execution) {
        return UUID.fromString(execution.getJobParameters().getString(IngestJobConfiguration.BATCH_PARAMETER));
    }
}
