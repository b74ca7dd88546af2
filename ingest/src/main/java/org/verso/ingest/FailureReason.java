package org.verso.ingest;

/**
 * Why a file was refused. Each has a stable {@link #code()} (also the key {@code ingest.reason.<code>} of the UI text)
 * and a plain English explanation; the detail of a particular failure is appended to it.
 */
public enum FailureReason {
    EMPTY("empty", "The file is empty (0 bytes)."),
    TOO_LARGE("too-large", "The file is larger than the size limit."),
    UNSUPPORTED_TYPE("unsupported-type", "Verso cannot take files of this type."),
    ENCRYPTED("encrypted", "The file is encrypted or password-protected; it cannot be read without the password."),
    CORRUPT("corrupt", "The file is damaged or truncated and cannot be read."),
    DECOMPRESSION_BOMB(
            "decompression-bomb",
            "The file unpacks to far more data than it holds, or nests archives too deep (a decompression bomb)."),
    XML_EXTERNAL_ENTITY(
            "xml-external-entity",
            "The file's XML declares external entities; they are never resolved or fetched, so the file is refused."),
    XML_ENTITY_EXPANSION(
            "xml-entity-expansion",
            "The file's XML defines entities that expand without bound (a 'billion laughs' bomb)."),
    TIMEOUT("timeout", "Reading the file took longer than the time limit; the parser was stopped."),
    OUT_OF_MEMORY(
            "out-of-memory", "Reading the file needed more memory than the parser may use; the parser was stopped."),
    PARSER_CRASHED("parser-crashed", "The parser stopped unexpectedly while reading the file."),
    UNREADABLE("unreadable", "The file could not be read from where it was.");

    private final String code;
    private final String explanation;

    FailureReason(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    public String code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }

    /** The explanation followed by the detail of one failure, if any. */
    public String describe(String detail) {
        return detail == null || detail.isBlank() ? explanation : explanation + " " + detail;
    }

    public static FailureReason ofCode(String code) {
        for (FailureReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown failure reason " + code);
    }
}
