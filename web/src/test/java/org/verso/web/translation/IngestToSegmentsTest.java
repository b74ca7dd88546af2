package org.verso.web.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.ingest.BatchSource;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.ItemOutcome;
import org.verso.library.DocumentId;
import org.verso.library.testing.Environment;
import org.verso.library.testing.TempDirs;
import org.verso.translation.FileSegmentation;
import org.verso.translation.Segment;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;
import org.verso.web.testing.WebTest;

/**
 * The real ingest job (Tika in its worker processes, catalogue, file store) followed by segmentation: every ingested
 * file of a folder gets its segments, in place for DOCX and ODT, from the extracted text for PDF, and importing the
 * folder again adds none.
 */
class IngestToSegmentsTest extends WebTest {
    @Autowired
    IngestJobs jobs;

    @Autowired
    Segments segments;

    @Test
    void everyIngestedFileOfAFolderIsSegmentedOnce() throws IOException {
        Path corpus = corpus();
        Path folder = TempDirs.create("verso-segments-import-");
        Files.copy(corpus.resolve("office/docx/testWORD_various.docx"), folder.resolve("various.docx"));
        Files.copy(corpus.resolve("office/odt/testOpenOffice2.odt"), folder.resolve("sample.odt"));
        Files.copy(corpus.resolve("office/pdf/testPDF.pdf"), folder.resolve("sample.pdf"));

        List<IngestItem> items = importFolder(folder);

        assertThat(items)
                .extracting(IngestItem::outcome)
                .containsOnly(ItemOutcome.INGESTED)
                .hasSize(3);
        FileSegmentation docx = awaitSegmented(items, "various.docx");
        assertThat(docx.state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(docx.roundTrip()).isTrue();
        assertThat(docx.format()).isEqualTo("DOCX");
        List<Segment> docxSegments = segments.of(docx.documentId(), 0, 500);
        assertThat(docxSegments)
                .extracting(Segment::source)
                .anyMatch(s -> s.matches("<g id=\"\\d+\">Bold</g> <g id=\"\\d+\">italic</g> .*"));
        FileSegmentation odt = awaitSegmented(items, "sample.odt");
        assertThat(odt.roundTrip()).isTrue();
        assertThat(odt.segmentCount()).isPositive();
        FileSegmentation pdf = awaitSegmented(items, "sample.pdf");
        assertThat(pdf.state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(pdf.roundTrip()).isFalse();
        assertThat(pdf.format()).isEqualTo("text");
        assertThat(segments.of(pdf.documentId(), 0, 500))
                .extracting(Segment::text)
                .isNotEmpty();
        long before = segments.count(docx.documentId());

        List<IngestItem> again = importFolder(folder);

        assertThat(again).filteredOn(i -> i.outcome() == ItemOutcome.DUPLICATE).hasSize(3);
        assertThat(segments.count(docx.documentId())).isEqualTo(before);
        assertThat(segments.files(docx.documentId())).hasSize(1);
    }

    private List<IngestItem> importFolder(Path folder) {
        UUID batch = jobs.createFolderBatch(folder, BatchSource.FOLDER, null, "segments-test");
        assertThat(jobs.run(batch)).isEqualTo(BatchStatus.COMPLETED);
        return jobs.progress(batch).items();
    }

    private FileSegmentation awaitSegmented(List<IngestItem> items, String name) {
        IngestItem item =
                items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        DocumentId document = item.documentId();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var file = segments.file(document, item.sha256());
            if (file.isPresent() && file.get().state() != SegmentationState.PENDING) {
                return file.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(name + " was not segmented within 90 s");
    }

    private static Path corpus() {
        String configured = System.getenv("VERSO_TEST_CORPUS");
        Path dir = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus"))
                .toAbsolutePath()
                .normalize();
        Environment.require(Files.isDirectory(dir), "The test corpus at " + dir);
        return dir;
    }
}
