package org.verso.ingest.internal.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the batch's pending items in order, a page at a time. Restart needs no saved position: an item stops being
 * pending in the same transaction that records its outcome, so a restarted job reads exactly what is left. Items
 * added after the end was reached (the files of an archive) are read when asked again.
 */
class PendingItemReader implements ItemStreamReader<IngestRows.Pending> {
    private static final int PAGE = 100;

    private final IngestRows rows;
    private final UUID batchId;
    private final Deque<IngestRows.Pending> buffer = new ArrayDeque<>();
    private int lastSeq;

    PendingItemReader(IngestRows rows, UUID batchId) {
        this.rows = rows;
        this.batchId = batchId;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        lastSeq = 0;
        buffer.clear();
    }

    @Override
    public IngestRows.Pending read() {
        if (buffer.isEmpty()) {
            buffer.addAll(rows.pendingAfter(batchId, lastSeq, PAGE));
        }
        IngestRows.Pending next = buffer.poll();
        if (next != null) {
            lastSeq = next.seq();
        }
        return next;
    }
}
