package org.verso.ingest.internal.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/**
 * Hands the step its items already stored and read: besides the item it hands out, it keeps up to {@code window}
 * pending items in the hands of the parser workers (or done and waiting), ahead of the chunk being written, so that the workers neither wait for the slowest file of a chunk
 * nor for the writer. Items come out in their order. Restart needs nothing more: an item read ahead but not yet written
 * is still pending in the database and is read again after a crash.
 *
 * <p>An unexpected error while processing one file becomes that file's failure ({@code parser-crashed}); a database
 * that is down fails the step (so the job can be restarted). Not thread-safe: the step calls it from one thread.
 */
class ReadAheadReader implements ItemStreamReader<Processed> {
    private final ItemStreamReader<IngestRows.Pending> pending;
    private final ItemProcessor<IngestRows.Pending, Processed> processor;
    private final AsyncTaskExecutor executor;
    private final int window;
    private final Deque<Future<Processed>> ahead = new ArrayDeque<>();
    private boolean exhausted;

    ReadAheadReader(
            ItemStreamReader<IngestRows.Pending> pending,
            ItemProcessor<IngestRows.Pending, Processed> processor,
            AsyncTaskExecutor executor,
            int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, not " + window);
        }
        this.pending = pending;
        this.processor = processor;
        this.executor = executor;
        this.window = window;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending.open(executionContext);
        exhausted = false;
        ahead.clear();
    }

    @Override
    public Processed read() throws Exception {
        fill();
        Future<Processed> next = ahead.poll();
        if (next == null) {
            return null;
        }
        fill(); // the freed place goes to the next file before this one is awaited
        Processed processed;
        try {
            processed = next.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (processed.members() > 0) {
            exhausted = false; // an archive's files joined the batch after it: read on
        }
        return processed;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        pending.update(executionContext);
    }

    @Override
    public void close() {
        Future<Processed> f;
        while ((f = ahead.poll()) != null) {
            f.cancel(true); // a file being read is stopped; it stays pending
        }
        pending.close();
    }

    private void fill() throws Exception {
        while (!exhausted && ahead.size() < window) {
            IngestRows.Pending item = pending.read();
            if (item == null) {
                exhausted = true;
                return;
            }
            ahead.add(executor.submit(() -> process(item)));
        }
    }

    private Processed process(IngestRows.Pending item) {
        try {
            return processor.process(item);
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            throw e;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Processed(
                    item,
                    null,
                    item.size(),
                    Extraction.failed(
                            FailureReason.PARSER_CRASHED,
                            "(unexpected error: " + (message.length() > 300 ? message.substring(0, 300) : message)
                                    + ")",
                            null),
                    0);
        }
    }
}
