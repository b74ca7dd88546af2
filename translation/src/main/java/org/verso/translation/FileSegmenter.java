package org.verso.translation;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.verso.library.DocumentFile;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.DomainException;
import org.verso.library.FileStore;
import org.verso.library.Sha256;

/**
 * Segments one registered file and records the outcome; never throws. A file Okapi can round-trip is read from the
 * file store and run through its filter; when that fails, or for other formats, the text the catalogue extracted at
 * ingest is segmented instead (the translation will then come out as a new DOCX). With neither, the file is recorded
 * as failed with the reason.
 */
class FileSegmenter {
    private static final Logger log = LoggerFactory.getLogger(FileSegmenter.class);

    private final Segmentation segmentation;
    private final Segments segments;
    private final FileStore files;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final SourceVersions versions;

    FileSegmenter(
            Segmentation segmentation,
            Segments segments,
            FileStore files,
            Documents documents,
            ApplicationEventPublisher events,
            SourceVersions versions) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.segmentation = Objects.requireNonNull(segmentation, "segmentation");
        this.segments = Objects.requireNonNull(segments, "segments");
        this.files = Objects.requireNonNull(files, "files");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.events = Objects.requireNonNull(events, "events");
    }

    void segment(DocumentId document, Sha256 file) {
        try {
            Optional<FileSegmentation> registered = segments.file(document, file);
            if (registered.isEmpty() || registered.get().state() == SegmentationState.SEGMENTED) {
                return;
            }
            segment(registered.get());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.error("Segmenting file {} of document {} failed unexpectedly", file, document, e);
            fail(document, file, "segmentation-error", "Segmentation failed unexpectedly (" + e + ").");
        }
    }

    private void segment(FileSegmentation registered) {
        DocumentId document = registered.documentId();
        Sha256 file = registered.file();
        String language = segments.language(document, file).orElse(null);
        DomainException roundTripFailure = null;
        if (segmentation.canRoundTrip(registered.mediaType(), registered.fileName())) {
            try (InputStream in = files.open(file)) {
                ExtractedSegments extracted = segmentation.extract(
                        in,
                        new SourceFile(
                                registered.mediaType(), registered.fileName(), language, charset(document, file)));
                store(document, file, extracted, null, null);
                return;
            } catch (DomainException e) {
                roundTripFailure = e;
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Optional<String> text = documents.fileText(file).filter(t -> !t.isBlank());
        if (text.isPresent()) {
            try {
                ExtractedSegments extracted = segmentation.segmentText(text.get(), language);
                if (roundTripFailure == null) {
                    store(document, file, extracted, null, null);
                } else {
                    store(
                            document,
                            file,
                            extracted,
                            roundTripFailure.code(),
                            roundTripFailure.getMessage()
                                    + " Its extracted text was segmented instead: a translation will come out as a new DOCX.");
                }
                return;
            } catch (DomainException e) {
                fail(document, file, e.code(), e.getMessage());
                return;
            }
        }
        if (roundTripFailure != null) {
            fail(document, file, roundTripFailure.code(), roundTripFailure.getMessage());
        } else {
            fail(document, file, "no-text", "The file has no extracted text to segment.");
        }
    }

    private String charset(DocumentId document, Sha256 file) {
        return documents.find(document).stream()
                .flatMap(d -> d.files().stream())
                .filter(f -> f.sha256().equals(file))
                .map(DocumentFile::charset)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private void store(DocumentId document, Sha256 file, ExtractedSegments extracted, String noteCode, String note) {
        // a new version of a file: the document's translations carry over to it in the same transaction; a file
        // added to a document: they get its segments
        Runnable carryOver = documents
                .previousVersionOf(file)
                .filter(old -> segments.file(document, old).isPresent())
                .<Runnable>map(old -> () -> versions.carryOver(document, old, file))
                .orElse(() -> versions.addFile(document, file));
        if (segments.store(document, file, extracted, noteCode, note, carryOver)) {
            events.publishEvent(new SegmentsExtracted(document, file, extracted.count(), extracted.roundTrip()));
        }
    }

    private void fail(DocumentId document, Sha256 file, String code, String reason) {
        try {
            if (segments.fail(document, file, code, reason)) {
                events.publishEvent(new SegmentationFailed(document, file, code, reason));
            }
        } catch (RuntimeException e) {
            log.error("Recording that file {} of document {} failed to segment failed too", file, document, e);
        }
    }
}
