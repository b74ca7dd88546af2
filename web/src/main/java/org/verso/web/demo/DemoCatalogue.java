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

    /** The demo's documents. */
    record Library(DocumentId kit, DocumentId charter, DocumentId convention, DocumentId manual, DocumentId memo) {
        List<DocumentId> all() {
            return List.of(kit, charter, convention, manual, memo);
        }
    }

    /** Brings in the demo's five documents, the kit as one document of four brochures in DOCX and ODT. */
    Library seed() throws InterruptedException {
        DocumentId kit = add(
                new Entry(
                        "Police training kit on human rights",
                        DocumentKind.KIT,
                        "Council of Europe",
                        "en",
                        2026,
                        Set.of("police", "training", "kit")),
                List.of(
                        new File("kit-1-arrest.txt", "brochure-1-arrest.docx", DemoFiles.DOCX),
                        new File("kit-2-force.txt", "brochure-2-use-of-force.odt", DemoFiles.ODT),
                        new File("kit-3-interviews.txt", "brochure-3-interviews.docx", DemoFiles.DOCX),
                        new File("kit-4-detention.txt", "brochure-4-detention.odt", DemoFiles.ODT)));
        DocumentId charter = add(
                new Entry(
                        "Charter of the Rights of Persons in Police Custody",
                        DocumentKind.CHARTER,
                        "Council of Europe",
                        "en",
                        2025,
                        Set.of("police", "custody")),
                List.of(new File("charter.txt", "charter-police-custody.docx", DemoFiles.DOCX)));
        DocumentId convention = add(
                new Entry(
                        "Convention on the Prevention of Ill-Treatment in Places of Detention",
                        DocumentKind.CONVENTION,
                        "Council of Europe",
                        "en",
                        1987,
                        Set.of("detention", "monitoring")),
                List.of(new File("convention.txt", "convention-ill-treatment.odt", DemoFiles.ODT)));
        DocumentId manual = add(
                new Entry(
                        "Manual for Trainers of Human Rights Courses for the Police",
                        DocumentKind.MANUAL,
                        "Verso demo programme",
                        "en",
                        2026,
                        Set.of("training")),
                List.of(new File("manual.txt", "trainers-manual.docx", DemoFiles.DOCX)));
        DocumentId memo = add(
                new Entry(
                        "Памятка задержанному",
                        DocumentKind.OTHER,
                        "Общественная наблюдательная комиссия",
                        "ru",
                        2024,
                        Set.of("custody")),
                List.of(new File("memo-ru.txt", "pamyatka-zaderzhannomu.docx", DemoFiles.DOCX)));
        return new Library(kit, charter, convention, manual, memo);
    }

    /** Ingests the files as one document, catalogues it as {@code entry} says and returns it once segmented. */
    private DocumentId add(Entry entry, List<File> files) throws InterruptedException {
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
