package org.verso.ingest.internal.batch;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.verso.ingest.FailureReason;
import org.verso.ingest.ItemOutcome;

/**
 * The step's skip policy and what it does with a skipped item. Expected failures never get here (the processor turns
 * them into outcomes); this catches the unexpected, records the item as failed, and lets the job go on. A database that
 * is down is not skipped: the job fails and can be restarted.
 */
final class SkipRecorder implements SkipListener<IngestRows.Pending, Processed>, SkipPolicy {
    private final IngestRows rows;

    SkipRecorder(IngestRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        return t instanceof Exception
                && !(t instanceof DataAccessResourceFailureException)
                && !(t instanceof TransientDataAccessException);
    }

    @Override
    public void onSkipInProcess(IngestRows.Pending item, Throwable t) {
        record(item, t);
    }

    @Override
    public void onSkipInWrite(Processed item, Throwable t) {
        record(item.item(), t);
    }

    private void record(IngestRows.Pending item, Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        rows.finish(
                item.id(),
                ItemOutcome.FAILED,
                FailureReason.PARSER_CRASHED.code(),
                "Unexpected error while ingesting the file: "
                        + (message.length() > 300 ? message.substring(0, 300) : message),
                null,
                null,
                null,
                null,
                0);
    }
}
