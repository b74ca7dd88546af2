package org.verso.library;

import java.util.Objects;

/**
 * A file was ingested and is now part of a document in the catalogue. Published by {@link Documents#catalogue} inside
 * the transaction that stores it; listeners ({@code @TransactionalEventListener}) receive it once that commits: search
 * indexes the document, translation extracts its segments.
 *
 * @param documentId the document the file belongs to (new or existing)
 * @param file the stored file
 * @param fileName the original name of the file, for display only (never a path)
 * @param mediaType the type detected from the bytes, such as {@code application/pdf}
 * @param language the detected (or declared) language of the file's text, a canonical {@link LanguageTag} value,
 *     or {@code null} if unknown
 * @param newDocument whether the document was created by this ingest (rather than the file attached to one)
 */
public record DocumentIngested(
        DocumentId documentId, Sha256 file, String fileName, String mediaType, String language, boolean newDocument) {
    public DocumentIngested {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
