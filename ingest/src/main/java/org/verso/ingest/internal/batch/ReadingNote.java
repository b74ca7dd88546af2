package org.verso.ingest.internal.batch;

import org.verso.ingest.Extraction;

/**
 * What the job notes about a file it catalogued, as the item's reason code: nothing could be read from it (kept, but
 * not a good document yet), or its text was read by OCR.
 */
enum ReadingNote {
    NO_TEXT("no-text", "No text could be read from it: an empty document, or a scan that OCR could not read."),
    OCR("ocr", "Its text was read by OCR from images of its pages.");

    private final String code;
    private final String explanation;

    ReadingNote(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    /** The note for a file that was read, or {@code null} when there is nothing to say. */
    static ReadingNote of(Extraction e) {
        if (e.withoutText()) {
            return NO_TEXT;
        }
        return e.textFromOcr() ? OCR : null;
    }

    String code() {
        return code;
    }

    String describe(String detail) {
        return detail == null || detail.isBlank() ? explanation : explanation + " " + detail;
    }
}
