package org.verso.web.ingest;

import java.time.Instant;
import java.util.List;
import org.verso.ingest.IngestItem;
import org.verso.ingest.JobProgress;

/** An ingest job as the API shows it. */
record JobView(
        String id,
        String source,
        String status,
        int total,
        int done,
        int ingested,
        int duplicates,
        int failed,
        long totalBytes,
        long doneBytes,
        int percent,
        String currentFile,
        double filesPerSecond,
        Long secondsLeft,
        Instant createdAt,
        List<ItemView> items) {

    /** One file of the job. */
    record ItemView(
            String id,
            int seq,
            String fileName,
            String outcome,
            String reasonCode,
            String reason,
            String documentId,
            String sha256,
            String mediaType,
            Long size,
            Long milliseconds,
            boolean retryable) {
        static ItemView of(IngestItem i) {
            return new ItemView(
                    i.id().toString(),
                    i.seq(),
                    i.name(),
                    i.outcome().apiName(),
                    i.reasonCode(),
                    i.reason(),
                    i.documentId() == null ? null : i.documentId().toString(),
                    i.sha256() == null ? null : i.sha256().hex(),
                    i.mediaType(),
                    i.size(),
                    i.millis(),
                    i.retryable());
        }
    }

    static JobView of(JobProgress p) {
        return new JobView(
                p.id().toString(),
                p.source().name().toLowerCase(java.util.Locale.ROOT),
                p.status(),
                p.total(),
                p.done(),
                p.ingested(),
                p.duplicates(),
                p.failed(),
                p.totalBytes(),
                p.doneBytes(),
                p.percent(),
                p.currentFile(),
                p.filesPerSecond(),
                p.secondsLeft(),
                p.createdAt(),
                p.items().stream().map(ItemView::of).toList());
    }
}
