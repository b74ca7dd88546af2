package org.verso.web.translation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;
import org.verso.web.testing.WebTest;

/** Files ingested the way the ingest job does it (store, catalogue, event after the commit), for segment tests. */
abstract class SegmentsTestBase extends WebTest {
    @Autowired
    Documents documents;

    @Autowired
    FileStore store;

    @Autowired
    Segments segments;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** Stores, catalogues and announces a file as ingest does, then waits for its segments. */
    DocumentIngested ingest(byte[] bytes, String name, String mediaType, String text) {
        return ingest(null, bytes, name, mediaType, text);
    }

    /** As {@link #ingest(byte[], String, String, String)}, the file attached to {@code attachTo} when not null. */
    DocumentIngested ingest(DocumentId attachTo, byte[] bytes, String name, String mediaType, String text) {
        Sha256 sha = store.store(new ByteArrayInputStream(bytes));
        NewFile newFile = new NewFile(sha, name, mediaType, bytes.length, "en", 0.9, null, null, null, text);
        Document document = attachTo == null
                ? documents.create(new NewDocument(name, DocumentKind.OTHER, null, "en", null, Set.of()), newFile)
                : documents.attach(attachTo, newFile);
        DocumentIngested event = new DocumentIngested(document.id(), sha, name, mediaType, "en", true);
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var file = segments.file(document.id(), sha);
            if (file.isPresent() && file.get().state() != SegmentationState.PENDING) {
                return event;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(name + " was not segmented within 60 s");
    }

    /** A minimal DOCX of one paragraph; {@code <b>…</b>} in the text makes a bold run. Text is already XML. */
    static byte[] docx(String paragraphXml) {
        return docxWithProlog(paragraphXml, "");
    }

    /**
     * As {@link #docx(String)}, its bytes made unique by {@code marker} in a comment of the document part (the text is
     * the same): two tests may make the same document within the zip entries' two-second clock.
     */
    static byte[] docx(String paragraphXml, String marker) {
        return docxWithProlog(paragraphXml, "<!-- " + marker.replace("--", "") + " -->");
    }

    private static byte[] docxWithProlog(String paragraphXml, String prolog) {
        String runs = paragraphXml.replaceAll(
                "<b>(.*?)</b>",
                "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">$1</w:t></w:r><w:r><w:t xml:space=\"preserve\">");
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + prolog
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                + "<w:r><w:t xml:space=\"preserve\">" + runs + "</w:t></w:r></w:p></w:body></w:document>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                            + "</Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                            + "</Relationships>");
            put(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
