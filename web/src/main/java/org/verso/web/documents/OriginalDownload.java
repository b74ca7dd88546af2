package org.verso.web.documents;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.verso.library.Document;
import org.verso.library.DocumentFile;
import org.verso.library.DocumentId;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.NotFoundException;
import org.verso.library.Sha256;

/**
 * The original bytes of a document's file as a download, with the same safe headers whichever way it is asked for
 * (the API with HTTP Basic, the document page with the session): an attachment under a name that cannot disguise its
 * extension, never sniffed, never rendered, never cached, never named in a referrer.
 */
@Component
class OriginalDownload {
    private final Documents documents;
    private final FileStore store;

    OriginalDownload(Documents documents, FileStore store) {
        this.documents = documents;
        this.store = store;
    }

    /**
     * Throws {@link NotFoundException} when there is no such document or the document has no such file, and
     * {@code InvalidInputException} when {@code sha256} is not a SHA-256.
     */
    ResponseEntity<InputStreamResource> of(String id, String sha256) {
        Document document = documents.get(documentId(id));
        Sha256 hash = Sha256.parse(sha256);
        // a file replaced by a newer version stays downloadable
        DocumentFile file = java.util.stream.Stream.concat(
                        document.files().stream(),
                        documents.supersededFiles(document.id()).stream().map(s -> s.file()))
                .filter(f -> f.sha256().equals(hash))
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("file-not-found", "Document " + id + " has no file " + sha256 + "."));
        InputStream bytes = store.open(hash);
        return ResponseEntity.ok()
                .contentType(safeType(file.mediaType()))
                .contentLength(file.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(safeName(file.originalName()), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(bytes));
    }

    static DocumentId documentId(String id) {
        try {
            return DocumentId.parse(id);
        } catch (RuntimeException e) {
            throw new NotFoundException("document-not-found", "No document has the id " + id + ".");
        }
    }

    /**
     * The name without control and bidirectional formatting characters (U+202E would show {@code evil‮fdp.exe} as
     * {@code evilexe.pdf}); {@code download} when nothing is left.
     */
    static String safeName(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && !(c >= 0x202A && c <= 0x202E)
                        && !(c >= 0x2066 && c <= 0x2069))
                .forEach(safe::appendCodePoint);
        String cleaned = safe.toString().strip();
        return cleaned.isEmpty() ? "download" : cleaned;
    }

    private static MediaType safeType(String mediaType) {
        try {
            MediaType type = MediaType.parseMediaType(mediaType);
            return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
