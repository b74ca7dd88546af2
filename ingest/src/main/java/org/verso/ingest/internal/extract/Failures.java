package org.verso.ingest.internal.extract;

import java.io.EOFException;
import java.util.Locale;
import java.util.zip.ZipException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;
import org.verso.ingest.FailureReason;

/** Maps what a parser threw to the human reason of the failure, looking through wrapped causes. */
final class Failures {
    private Failures() {}

    static FailureReason classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return FailureReason.ENCRYPTED;
            }
            if (t instanceof ZeroByteFileException) {
                return FailureReason.EMPTY;
            }
            if (t instanceof UnsupportedFormatException) {
                return FailureReason.UNSUPPORTED_TYPE;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            String type = t.getClass().getSimpleName();
            if (message.contains("zip bomb") || type.contains("ZipBomb") || message.contains("compression ratio")) {
                return FailureReason.DECOMPRESSION_BOMB;
            }
            if (message.contains("entity expansion")
                    || message.contains("entityexpansion")
                    || message.contains("jaxp00010001")
                    || message.contains("entities")) {
                return FailureReason.XML_ENTITY_EXPANSION;
            }
            if (message.contains("external entity") || message.contains("doctype is disallowed")) {
                return FailureReason.XML_EXTERNAL_ENTITY;
            }
            if (message.contains("password") || message.contains("encrypted") || message.contains("decrypt")) {
                return FailureReason.ENCRYPTED;
            }
            if (t instanceof EOFException || t instanceof ZipException) {
                return FailureReason.CORRUPT;
            }
        }
        return FailureReason.CORRUPT;
    }

    /** The innermost message, cleaned and shortened for people; no stack trace, no class names of ours. */
    static String shortMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").strip();
        return "(" + (message.length() > 240 ? message.substring(0, 240) + "…" : message) + ")";
    }
}
