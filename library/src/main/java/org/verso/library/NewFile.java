package org.verso.library;

import java.util.Objects;

/**
 * A stored file and what was extracted from it, about to join a document.
 *
 * @param sha256 the file, already in the {@link FileStore}
 * @param originalName the name it arrived with; only its last path element is kept
 * @param mediaType the type detected from its bytes
 * @param size its size in bytes
 * @param language detected language (BCP 47), or {@code null}
 * @param languageConfidence 0 to 1, or {@code null}
 * @param pageCount or {@code null}
 * @param charset or {@code null}
 * @param author or {@code null}
 * @param text the extracted text, possibly empty, never {@code null}
 * @param textFromOcr whether (some of) the text was read by OCR from images of pages
 */
public record NewFile(
        Sha256 sha256,
        String originalName,
        String mediaType,
        long size,
        String language,
        Double languageConfidence,
        Integer pageCount,
        String charset,
        String author,
        String text,
        boolean textFromOcr) {
    public NewFile {
        Objects.requireNonNull(sha256, "sha256");
        originalName = fileName(originalName);
        Objects.requireNonNull(mediaType, "mediaType");
        if (size < 0) {
            throw new InvalidInputException("invalid-file", "size must not be negative");
        }
        language = DocumentFields.language("language", language);
        if (languageConfidence != null && (languageConfidence < 0 || languageConfidence > 1)) {
            throw new InvalidInputException("invalid-file", "languageConfidence must be between 0 and 1");
        }
        author = truncate(DocumentFields.blankToNull(author), 300);
        charset = truncate(DocumentFields.blankToNull(charset), 60);
        text = Objects.requireNonNullElse(text, "");
    }

    /** A file whose text, if any, was not read by OCR. */
    public NewFile(
            Sha256 sha256,
            String originalName,
            String mediaType,
            long size,
            String language,
            Double languageConfidence,
            Integer pageCount,
            String charset,
            String author,
            String text) {
        this(
                sha256,
                originalName,
                mediaType,
                size,
                language,
                languageConfidence,
                pageCount,
                charset,
                author,
                text,
                false);
    }

    /** The last element of a name that may carry a path from either kind of system; never blank. */
    public static String fileName(String name) {
        String n = name == null ? "" : name.strip();
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(cut + 1).strip();
        n = n.chars()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (n.isEmpty()) {
            n = "unnamed";
        }
        return truncate(visible(n), 255);
    }

    /**
     * A name with its bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) written out as
     * {@code [U+202E]}, so that wherever it is shown it reads in its stored order and cannot disguise its extension
     * ({@code invoice[U+202E]fdp.exe}, not {@code invoiceexe.pdf}). Other text is left as it is.
     */
    public static String visible(String name) {
        if (name == null || name.chars().noneMatch(NewFile::isBidiControl)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 16);
        name.chars().forEach(c -> {
            if (isBidiControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "[U+%04X]", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
