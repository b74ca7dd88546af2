package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.InvalidInputException;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.library.testing.TempDirs;

/**
 * The whole path on a real H2 file database migrated by the application's Flyway scripts: a file is ingested (stored,
 * catalogued, announced after the commit) and its segments appear, once, with the reason when they cannot.
 */
@SpringBootTest(classes = TranslationTestApplication.class)
@Import(SegmentsOnIngestTest.Recorder.class)
class SegmentsOnIngestTest {
    static final Path DATA_DIR = TempDirs.create("verso-translation-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    @Autowired
    Documents documents;

    @Autowired
    FileStore store;

    @Autowired
    Segments segments;

    @Autowired
    IngestedFileListener listener;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Recorder recorder;

    @TestConfiguration
    static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void extracted(SegmentsExtracted event) {
            events.add(event);
        }

        @EventListener
        void failed(SegmentationFailed event) {
            events.add(event);
        }
    }

    @Test
    void anIngestedDocxIsSegmentedWithItsCodesAfterTheCommit() {
        byte[] docx = Fixtures.docx(Fixtures.paragraph(
                Fixtures.run("The police must respect "),
                Fixtures.bold("human dignity"),
                Fixtures.run(". Torture is forbidden. Is that clear?")));

        DocumentIngested ingested = ingest(docx, "kit.docx", Fixtures.DOCX, "en", "");

        FileSegmentation file = awaitDone(ingested);
        assertThat(file.state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(file.roundTrip()).isTrue();
        assertThat(file.format()).isEqualTo("DOCX");
        assertThat(file.segmentCount()).isEqualTo(3);
        assertThat(file.reason()).isNull();
        List<Segment> stored = segments.of(ingested.documentId(), 0, 50);
        assertThat(stored)
                .extracting(Segment::text)
                .containsExactly("The police must respect human dignity.", "Torture is forbidden.", "Is that clear?");
        assertThat(stored.get(0).source()).matches("The police must respect <g id=\"\\d+\">human dignity</g>\\.");
        assertThat(stored).extracting(Segment::index).containsExactly(0, 1, 2);
        assertThat(stored).extracting(Segment::status).containsOnly(SegmentStatus.NEW);
        assertThat(stored).extracting(Segment::file).containsOnly(ingested.file());
        assertThat(segments.count(ingested.documentId())).isEqualTo(3);
        // each segment's place in its paragraph is stored for the merge: one paragraph, three sentences in order
        Map<Integer, SegmentPlace> places = segments.places(ingested.documentId(), ingested.file());
        assertThat(places).containsOnlyKeys(0, 1, 2);
        assertThat(places.values())
                .extracting(SegmentPlace::unit)
                .containsOnly(places.get(0).unit());
        assertThat(places.get(0).start()).isZero();
        assertThat(places.get(1).start()).isGreaterThan(places.get(0).end());
        assertThat(places.get(2).start()).isGreaterThan(places.get(1).end());
        awaitEvent(new SegmentsExtracted(ingested.documentId(), ingested.file(), 3, true));
    }

    @Test
    void theSameFileIngestedTwiceGetsNoSecondSetOfSegments() {
        byte[] text = "First sentence here. Second sentence here.".getBytes(StandardCharsets.UTF_8);
        DocumentIngested ingested =
                ingest(text, "twice.txt", "text/plain", "en", "First sentence here. Second sentence here.");
        awaitDone(ingested);
        List<Segment> first = segments.of(ingested.documentId(), 0, 50);

        publishAfterCommit(ingested);
        publishAfterCommit(ingested);
        listener.resumePending();

        assertThat(segments.count(ingested.documentId())).isEqualTo(2);
        assertThat(segments.of(ingested.documentId(), 0, 50)).isEqualTo(first);
        assertThat(segments.file(ingested.documentId(), ingested.file())
                        .orElseThrow()
                        .attempts())
                .isEqualTo(1);
    }

    @Test
    void aPdfIsSegmentedFromItsExtractedTextAndMarkedNotRoundTrip() {
        byte[] pdf = ("%PDF-1.4 fake " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);

        DocumentIngested ingested =
                ingest(pdf, "charter.pdf", "application/pdf", "ru", "Полиция уважает права человека. Пытки запрещены.");

        FileSegmentation file = awaitDone(ingested);
        assertThat(file.state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(file.roundTrip()).isFalse();
        assertThat(file.format()).isEqualTo("text");
        assertThat(segments.of(ingested.documentId(), 0, 10))
                .extracting(Segment::text)
                .containsExactly("Полиция уважает права человека.", "Пытки запрещены.");
        assertThat(segments.places(ingested.documentId(), ingested.file()))
                .as("text from Tika has no places: its output is a new DOCX")
                .isEmpty();
        awaitEvent(new SegmentsExtracted(ingested.documentId(), ingested.file(), 2, false));
    }

    @Test
    void aCorruptDocxWithoutTextIsRecordedAsFailedWithTheReasonAndIngestIsUnaffected() {
        byte[] corrupt = truncated(Fixtures.docx(Fixtures.paragraph(Fixtures.run("Lost " + System.nanoTime()))));

        DocumentIngested ingested = ingest(corrupt, "broken.docx", Fixtures.DOCX, "en", "");

        FileSegmentation file = awaitDone(ingested);
        assertThat(file.state()).isEqualTo(SegmentationState.FAILED);
        assertThat(file.reasonCode()).isEqualTo("unreadable-file");
        assertThat(file.reason()).startsWith("The file cannot be read as DOCX");
        assertThat(segments.count(ingested.documentId())).isZero();
        assertThat(documents.find(ingested.documentId())).isPresent();
        awaitEvent(new SegmentationFailed(ingested.documentId(), ingested.file(), file.reasonCode(), file.reason()));
    }

    @Test
    void aDocxOkapiCannotReadFallsBackToItsExtractedTextWithTheReasonKept() {
        byte[] corrupt = truncated(Fixtures.docx(Fixtures.paragraph(Fixtures.run("Kept " + System.nanoTime()))));

        DocumentIngested ingested =
                ingest(corrupt, "partial.docx", Fixtures.DOCX, "en", "Text that Tika found. More of it.");

        FileSegmentation file = awaitDone(ingested);
        assertThat(file.state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(file.roundTrip()).isFalse();
        assertThat(file.reasonCode()).isEqualTo("unreadable-file");
        assertThat(file.reason()).contains("a translation will come out as a new DOCX");
        assertThat(segments.count(ingested.documentId())).isEqualTo(2);
    }

    @Test
    void aFilePendingAtStartUpIsSegmentedWhenTheApplicationIsReady() {
        byte[] text = ("Left pending. By a stop " + System.nanoTime() + ".").getBytes(StandardCharsets.UTF_8);
        DocumentIngested ingested = catalogue(text, "pending.txt", "text/plain", "en", "");
        assertThat(segments.register(ingested)).isTrue(); // registered, but the process stopped before segmenting
        assertThat(segments.pending()).extracting(FileSegmentation::file).contains(ingested.file());

        listener.resumePending();

        assertThat(awaitDone(ingested).state()).isEqualTo(SegmentationState.SEGMENTED);
        assertThat(segments.count(ingested.documentId())).isEqualTo(2);
    }

    @Test
    void pagesAreOrderedAndBadPagingIsRefused() {
        String sentences = String.join(
                " ",
                java.util.stream.IntStream.range(0, 7)
                        .mapToObj(i -> "Sentence number " + i + " is here.")
                        .toList());
        DocumentIngested ingested = ingest(
                (sentences + System.nanoTime()).getBytes(StandardCharsets.UTF_8), "seven.txt", "text/plain", "en", "");
        awaitDone(ingested);

        assertThat(segments.of(ingested.documentId(), 1, 3))
                .extracting(Segment::index)
                .containsExactly(3, 4, 5);
        assertThat(segments.of(ingested.documentId(), ingested.file(), 2, 3))
                .extracting(Segment::index)
                .containsExactly(6);
        assertThat(segments.count(ingested.documentId())).isEqualTo(7);
        assertThat(segments.of(ingested.documentId(), 9, 3)).isEmpty();
        assertThat(segments.files(ingested.documentId())).hasSize(1);
        assertThat(segments.files(List.of(ingested.documentId(), DocumentId.random())))
                .as("several documents in one query: those with no file known are absent")
                .containsOnlyKeys(ingested.documentId())
                .containsEntry(ingested.documentId(), segments.files(ingested.documentId()));
        assertThat(segments.files(List.of())).isEmpty();
        assertThat(segments.of(DocumentId.random(), 0, 10)).isEmpty();
        assertThatThrownBy(() -> segments.of(ingested.documentId(), -1, 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> segments.of(ingested.documentId(), 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> segments.of(ingested.documentId(), 0, Segments.MAX_PAGE_SIZE + 1))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theCorpusDocxWithAnExternalEntityIsRecordedAsFailedNotFetched() {
        byte[] xxe = Corpus.bytes(Corpus.file("broken/bombs/docx-xxe-external-entity.docx"));

        DocumentIngested ingested = ingest(xxe, "xxe.docx", Fixtures.DOCX, "en", "");

        FileSegmentation file = awaitDone(ingested);
        assertThat(file.state()).isEqualTo(SegmentationState.FAILED);
        assertThat(file.reason()).isNotBlank();
    }

    /** Stores the bytes, catalogues them and publishes the event after the commit, as ingest does. */
    private DocumentIngested ingest(byte[] bytes, String name, String mediaType, String language, String text) {
        DocumentIngested ingested = catalogue(bytes, name, mediaType, language, text);
        publishAfterCommit(ingested);
        return ingested;
    }

    private DocumentIngested catalogue(byte[] bytes, String name, String mediaType, String language, String text) {
        Sha256 sha = store.store(new ByteArrayInputStream(bytes));
        Document document = documents
                .ownerOf(sha)
                .map(documents::get)
                .orElseGet(() -> documents.create(
                        new NewDocument(name, DocumentKind.OTHER, null, language, null, Set.of()),
                        new NewFile(sha, name, mediaType, bytes.length, language, 0.9, null, null, null, text)));
        return new DocumentIngested(document.id(), sha, name, mediaType, language, true);
    }

    private void publishAfterCommit(DocumentIngested event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private FileSegmentation awaitDone(DocumentIngested ingested) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var file = segments.file(ingested.documentId(), ingested.file());
            if (file.isPresent() && file.get().state() != SegmentationState.PENDING) {
                return file.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("file " + ingested.file() + " was not segmented within 60 s");
    }

    /** The event is published just after the commit that the state shows, on the worker: wait for it. */
    private void awaitEvent(Object expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!recorder.events.contains(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(recorder.events).contains(expected);
    }

    private static byte[] truncated(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, bytes.length - 30); // the end of the central directory is lost
    }
}
