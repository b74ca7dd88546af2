package org.verso.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What was read from one file: its real type, text and metadata, or why it could not be read.
 *
 * @param failure why the file was refused, or {@code null} when it was read
 * @param detail specifics of the failure (or of a partial read), for people; may be {@code null}
 * @param mediaType the type detected from the bytes; {@code application/octet-stream} when unknown
 * @param title the title in its metadata, or {@code null}
 * @param author the author in its metadata, or {@code null}
 * @param issuingBody the publisher or company in its metadata, or {@code null}
 * @param year the year it was created according to its metadata, or {@code null}
 * @param pageCount the number of pages, or {@code null}
 * @param language the BCP 47 tag of the detected language, or {@code null}
 * @param languageConfidence the detector's score for that language, 0 to 1, or {@code null}
 * @param charset the character set text was decoded from, or {@code null}
 * @param text the extracted text; empty when none or when refused
 * @param textTruncated whether the text was cut at the configured limit
 * @param textFromOcr whether OCR read (some of) the text: a scan, an image, PDF pages without a text layer
 * @param members for an archive that was unpacked, its files (the archive itself has no text); empty otherwise
 */
public record Extraction(
        FailureReason failure,
        String detail,
        String mediaType,
        String title,
        String author,
        String issuingBody,
        Integer year,
        Integer pageCount,
        String language,
        Double languageConfidence,
        String charset,
        String text,
        boolean textTruncated,
        boolean textFromOcr,
        List<ArchiveMember> members) {
    public static final String UNKNOWN_TYPE = "application/octet-stream";

    public Extraction {
        mediaType = Objects.requireNonNullElse(mediaType, UNKNOWN_TYPE);
        text = Objects.requireNonNullElse(text, "");
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A file that was read (or refused): no members. */
    public Extraction(
            FailureReason failure,
            String detail,
            String mediaType,
            String title,
            String author,
            String issuingBody,
            Integer year,
            Integer pageCount,
            String language,
            Double languageConfidence,
            String charset,
            String text,
            boolean textTruncated) {
        this(
                failure,
                detail,
                mediaType,
                title,
                author,
                issuingBody,
                year,
                pageCount,
                language,
                languageConfidence,
                charset,
                text,
                textTruncated,
                false,
                List.of());
    }

    /** An archive that was unpacked into {@code members}. */
    public static Extraction unpacked(String mediaType, List<ArchiveMember> members) {
        return new Extraction(
                null, null, mediaType, null, null, null, null, null, null, null, null, "", false, false, members);
    }

    /** Whether this is an unpacked archive, whose members are to be ingested instead of itself. */
    public boolean isArchive() {
        return succeeded() && !members.isEmpty();
    }

    public static Extraction failed(FailureReason reason, String detail, String mediaType) {
        return new Extraction(
                Objects.requireNonNull(reason),
                detail,
                mediaType,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "",
                false);
    }

    /** Whether the file was read and no text came out of it: an empty document, a scan that OCR did not read. */
    public boolean withoutText() {
        return succeeded() && !isArchive() && text.isBlank();
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** The human reason of a failure: explanation and detail. */
    public String reason() {
        return failure == null ? null : failure.describe(detail);
    }
}
