package org.verso.library;

import java.util.Objects;

/**
 * A file of a document was replaced by a new version ({@link Documents#replaceFile}). Published inside the
 * transaction, after the {@link DocumentIngested} of the new file; the old file stays stored, superseded.
 *
 * @param documentId the document
 * @param oldFile the file replaced
 * @param newFile its new version
 */
public record FileReplaced(DocumentId documentId, Sha256 oldFile, Sha256 newFile) {
    public FileReplaced {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(oldFile, "oldFile");
        Objects.requireNonNull(newFile, "newFile");
    }
}
