package org.verso.web.documents;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.verso.ingest.FileVersions;
import org.verso.ingest.Upload;
import org.verso.library.DocumentId;
import org.verso.library.FileReplaced;
import org.verso.library.InvalidInputException;
import org.verso.library.NotFoundException;
import org.verso.library.Sha256;

/**
 * New versions of a document's files over the API: a coordinator uploads one; everyone who works on translations
 * reads what each version did to the segments and to each translation.
 */
@RestController
@RequestMapping("/api/documents/{id}")
class FileVersionsApiController {
    private final FileVersions versions;
    private final FileVersionViews views;

    FileVersionsApiController(FileVersions versions, FileVersionViews views) {
        this.versions = versions;
        this.views = views;
    }

    @PostMapping("/files/{sha256}/versions")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    @Operation(
            summary = "Upload a new version of one of the document's files (multipart field \"file\")",
            description = "201 with each translation's progress before the change; the carry-over follows when the new"
                    + " version is segmented (GET …/versions). 400 empty-file, unreadable-version; 409 same-file-version,"
                    + " file-superseded, file-already-catalogued; 413 file-too-large; 415 different-file-kind.")
    ResponseEntity<FileVersionViews.Uploaded> upload(
            @PathVariable String id,
            @PathVariable String sha256,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        DocumentId document = documentId(id);
        Sha256 old = sha(sha256);
        if (file == null) {
            throw new InvalidInputException("no-files", "Send the new version as the multipart field \"file\".");
        }
        List<FileVersionViews.Before> before = views.before(document);
        FileReplaced replaced;
        try {
            replaced = versions.replace(document, old, new Upload(file.getOriginalFilename(), file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/api/documents/" + document + "/versions"))
                .body(views.uploaded(replaced, before));
    }

    @GetMapping("/versions")
    @PreAuthorize("hasAnyRole('TRANSLATOR','COORDINATOR','ADMIN')")
    @Operation(
            summary = "The files replaced by newer versions, and what each version did to the segments (unchanged,"
                    + " changed, new, removed) and to each translation (progress before and after, removed segments)")
    FileVersionViews.Versions list(@PathVariable String id) {
        return views.of(documentId(id));
    }

    static DocumentId documentId(String id) {
        try {
            return DocumentId.parse(id);
        } catch (InvalidInputException e) {
            throw new NotFoundException("document-not-found", "No document has the id " + id + ".");
        }
    }

    static Sha256 sha(String text) {
        try {
            return Sha256.parse(text);
        } catch (RuntimeException e) {
            throw new NotFoundException("file-not-found", "No file has the SHA-256 " + text + ".");
        }
    }
}
