package org.verso.web.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.verso.ingest.BatchSource;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.ItemOutcome;
import org.verso.library.CorrectDocument;
import org.verso.library.DocumentId;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;

/**
 * Brings the demo's documents in the way a coordinator's folder import does (the ingest job, run to its end in the
 * calling thread), corrects their catalogue entries, and waits for their segmentation.
 */
final class DemoCatalogue {
    private static final Duration SEGMENTATION = Duration.ofMinutes(3);

    private final IngestJobs jobs;
    private final Documents documents;
    private final SegmentationWait segmentation;
    private final String requestedBy;

    DemoCatalogue(IngestJobs jobs, Documents documents, SegmentationWait segmentation, String requestedBy) {
        this.jobs = jobs;
        this.documents = documents;
        this.segmentation = segmentation;
        this.requestedBy = requestedBy;
    }

    /** One file of a demo document: its resource under {@code demo/}, its file name and format. */
    record File(String resource, String name, String format) {}

    /** A demo document's catalogue entry. */
    record Entry(String title, DocumentKind kind, String issuingBody, String language, int year, Set<String> tags) {}

    /** Ingests the files as one document, catalogues it as {@code entry} says and returns it once segmented. */
    DocumentId add(Entry entry, List<File> files) throws InterruptedException {
        DocumentId document = ingest(entry, files.subList(0, 1), null);
        if (files.size() > 1) {
            ingest(entry, files.subList(1, files.size()), document);
        }
        documents.correct(
                document,
                new CorrectDocument(
                        entry.title(),
                        entry.kind(),
                        entry.issuingBody(),
                        entry.language(),
                        entry.year(),
                        false,
                        entry.tags()));
        segmentation.await(document, files.size(), SEGMENTATION);
        return document;
    }

    private DocumentId ingest(Entry entry, List<File> files, DocumentId attachTo) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("verso-demo-");
            for (File file : files) {
                byte[] bytes = DemoFiles.write(
                        DemoFiles.read(file.resource()), file.format(), entry.title(), entry.language());
                Files.write(folder.resolve(file.name()), bytes);
            }
            var batch = jobs.createFolderBatch(folder, BatchSource.FOLDER, attachTo, requestedBy);
            BatchStatus status = jobs.run(batch);
            List<IngestItem> items = jobs.items(batch);
            if (status != BatchStatus.COMPLETED
                    || items.size() != files.size()
                    || items.stream().anyMatch(i -> i.outcome() != ItemOutcome.INGESTED)) {
                throw new IllegalStateException("the demo's files were not all ingested (" + status + "): " + items);
            }
            return items.get(0).documentId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
