package org.verso.ingest.internal.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.verso.ingest.BatchSource;
import org.verso.ingest.IngestPaths;
import org.verso.ingest.ItemOutcome;

/**
 * Sorts the files of a finished inbox batch: read ones (ingested or duplicate) to {@code processed/}, refused ones to
 * {@code failed/} with a {@code .reason.txt} beside them, keeping their paths. Nothing is deleted; a name already
 * taken gets a numbered suffix.
 */
@Component
public class InboxFiles {
    public static final String INCOMING = ".incoming";
    private static final Logger log = LoggerFactory.getLogger(InboxFiles.class);

    private final IngestRows rows;
    private final IngestPaths paths;

    InboxFiles(IngestRows rows, IngestPaths paths) {
        this.rows = rows;
        this.paths = paths;
    }

    void settle(UUID batchId) {
        var batch = rows.batch(batchId).orElse(null);
        if (batch == null || batch.source() != BatchSource.INBOX || batch.folder() == null) {
            return;
        }
        for (IngestRows.Finished item : rows.finished(batchId)) {
            if (!Files.exists(item.sourcePath())) {
                continue; // settled before
            }
            boolean failed = item.outcome() == ItemOutcome.FAILED;
            Path target =
                    free(paths.inbox().resolve(failed ? "failed" : "processed").resolve(item.name()));
            try {
                Files.createDirectories(target.getParent());
                Files.move(item.sourcePath(), target, StandardCopyOption.ATOMIC_MOVE);
                if (failed) {
                    Files.writeString(
                            target.resolveSibling(target.getFileName() + ".reason.txt"),
                            item.reason() + System.lineSeparator(),
                            StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                log.warn("Could not move {} out of the inbox", item.sourcePath(), e);
            }
        }
        removeEmptyFolders(batch.folder());
    }

    private static Path free(Path wanted) {
        Path candidate = wanted;
        for (int i = 1; Files.exists(candidate) || Files.exists(reasonOf(candidate)); i++) {
            String name = wanted.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String numbered =
                    dot > 0 ? name.substring(0, dot) + " (" + i + ")" + name.substring(dot) : name + " (" + i + ")";
            candidate = wanted.resolveSibling(numbered);
        }
        return candidate;
    }

    private static Path reasonOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".reason.txt");
    }

    private static void removeEmptyFolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path dir : walk.filter(Files::isDirectory)
                    .sorted(Comparator.reverseOrder())
                    .toList()) {
                try (Stream<Path> content = Files.list(dir)) {
                    if (content.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            log.debug("Could not tidy {}", folder, e);
        }
    }
}
