package org.verso.library;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored original that belongs to a document.
 *
 * @param sha256 the hash of its bytes: its identity in the {@link FileStore}
 * @param originalName the name it arrived with, for display and downloads only (never a path), its bidirectional
 *     controls written out ({@link NewFile#visible})
 * @param mediaType the type detected from its bytes, such as {@code application/pdf}
 * @param size its size in bytes
 * @param language the BCP 47 tag of the language detected in its text, or {@code null}
 * @param languageConfidence the detector's confidence in {@code language}, 0 to 1, or {@code null}
 * @param pageCount the number of pages where the format has pages, or {@code null}
 * @param charset the character set its text was decoded from (text formats), or {@code null}
 * @param author the author named in its metadata, or {@code null}
 * @param textLength the number of characters of text extracted from it; 0 for a file with no text (a scan that OCR
 *     could not read, an empty document)
 * @param textFromOcr whether (some of) its text was read by OCR
 * @param addedAt when it was added to the document
 */
public record DocumentFile(
        Sha256 sha256,
        String originalName,
        String mediaType,
        long size,
        String language,
        Double languageConfidence,
        Integer pageCount,
        String charset,
        String author,
        long textLength,
        boolean textFromOcr,
        Instant addedAt) {
    /** Whether nothing could be read from it. */
    public boolean withoutText() {
        return textLength == 0;
    }

    public DocumentFile {
        Objects.requireNonNull(sha256, "sha256");
        originalName = NewFile.visible(Objects.requireNonNull(originalName, "originalName"));
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
