package org.verso.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.verso.library.ConflictException;
import org.verso.library.DocumentFile;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.FileReplaced;
import org.verso.library.FileStore;
import org.verso.library.InvalidInputException;
import org.verso.library.NewFile;
import org.verso.library.NotFoundException;
import org.verso.library.Sha256;
import org.verso.library.TooLargeException;
import org.verso.library.UnsupportedTypeException;

/**
 * Takes a new version of one of a document's files: stores its bytes, reads them in the same worker processes as
 * every ingest (type, text, language, metadata), and has the catalogue replace the old file
 * ({@link Documents#replaceFile}). Unlike an upload, it runs in the caller's thread, so that every refusal is the
 * answer to the request and nothing is catalogued. Thread-safe.
 *
 * <p>Throws {@link NotFoundException} ({@code document-not-found}, {@code file-not-found}), {@link TooLargeException}
 * ({@code file-too-large}), {@link InvalidInputException} ({@code empty-file}, {@code unreadable-version}),
 * {@link UnsupportedTypeException} ({@code different-file-kind}) and the catalogue's conflicts
 * ({@code same-file-version}, {@code file-superseded}, {@code file-already-catalogued}).
 */
@Service
public class FileVersions {
    private final FileStore store;
    private final Documents documents;
    private final Extractor extractor;
    private final IngestProperties properties;

    FileVersions(FileStore store, Documents documents, Extractor extractor, IngestProperties properties) {
        this.store = store;
        this.documents = documents;
        this.extractor = extractor;
        this.properties = properties;
    }

    /** Replaces {@code old}, a current file of {@code document}, by the uploaded new version. */
    public FileReplaced replace(DocumentId document, Sha256 old, Upload upload) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(upload, "upload");
        DocumentFile current = documents.get(document).files().stream()
                .filter(f -> f.sha256().equals(old))
                .findFirst()
                .orElseThrow(() -> notCurrent(document, old));
        long limit = properties.maxFileSize().toBytes();
        Sha256 sha;
        try (InputStream in = upload.content()) {
            sha = store.store(in, limit);
        } catch (TooLargeException e) {
            throw new TooLargeException(
                    "file-too-large",
                    "The new version is larger than the limit of "
                            + properties.maxFileSize().toMegabytes() + " MB.",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long size = store.size(sha);
        if (size == 0) {
            throw new InvalidInputException("empty-file", "The new version is empty.");
        }
        if (sha.equals(old)) {
            throw new ConflictException(
                    "same-file-version", "The new version has the same content as the file it would replace.");
        }
        Extraction e = extractor.extract(store.locate(sha));
        if (!e.succeeded()) {
            throw new InvalidInputException("unreadable-version", "The new version cannot be read: " + e.reason());
        }
        if (e.isArchive()) {
            throw new UnsupportedTypeException(
                    "different-file-kind",
                    "The new version is an archive; the file it would replace is " + current.mediaType() + ".");
        }
        String name = NewFile.fileName(upload.name() == null ? current.originalName() : upload.name());
        return documents.replaceFile(
                document,
                old,
                new NewFile(
                        sha,
                        name,
                        e.mediaType(),
                        size,
                        e.language(),
                        e.languageConfidence(),
                        e.pageCount(),
                        e.charset(),
                        e.author(),
                        e.text(),
                        e.textFromOcr()));
    }

    private RuntimeException notCurrent(DocumentId document, Sha256 old) {
        boolean superseded = documents.supersededFiles(document).stream()
                .anyMatch(s -> s.file().sha256().equals(old));
        return superseded
                ? new ConflictException(
                        "file-superseded",
                        "The file " + old + " was replaced by a newer version already; upload a new version of the"
                                + " current one.")
                : new NotFoundException("file-not-found", "The document " + document + " has no file " + old + ".");
    }
}
