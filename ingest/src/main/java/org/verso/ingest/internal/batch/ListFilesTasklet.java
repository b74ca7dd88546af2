package org.verso.ingest.internal.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of the ingest job: lists the files of the batch's folder as pending items, all in one transaction, so a
 * crash while listing leaves nothing half-listed. Hidden files and symbolic links are left out; batches without a
 * folder (uploads, retries) are already listed.
 */
class ListFilesTasklet implements Tasklet {
    private final IngestRows rows;
    private final UUID batchId;

    ListFilesTasklet(IngestRows rows, UUID batchId) {
        this.rows = rows;
        this.batchId = batchId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IngestRows.Batch batch =
                rows.batch(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
        if (batch.listed() || batch.folder() == null) {
            return RepeatStatus.FINISHED;
        }
        List<Path> files = list(batch.folder());
        int seq = 0;
        for (Path file : files) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            rows.addItem(
                    batchId,
                    ++seq,
                    file,
                    batch.folder().relativize(file).toString().replace('\\', '/'),
                    null,
                    size < 0 ? null : size);
        }
        rows.markListed(batchId);
        contribution.incrementWriteCount(seq);
        return RepeatStatus.FINISHED;
    }

    static List<Path> list(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
