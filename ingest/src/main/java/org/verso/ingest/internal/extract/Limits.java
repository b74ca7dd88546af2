package org.verso.ingest.internal.extract;

import java.util.ArrayList;
import java.util.List;
import org.verso.ingest.IngestProperties;

/**
 * The limits a worker process applies, passed on its command line, and how it reads by OCR.
 *
 * @param ocr whether pages and images without text are read by OCR; never when {@code false}
 * @param ocrLanguages Tesseract's languages, joined by {@code +}
 */
record Limits(
        int maxTextChars,
        long maxCompressionRatio,
        long maxUnpackedBytes,
        int maxNestingDepth,
        boolean ocr,
        String ocrLanguages) {

    /** The given limits, with OCR in the default languages. */
    Limits(int maxTextChars, long maxCompressionRatio, long maxUnpackedBytes, int maxNestingDepth) {
        this(
                maxTextChars,
                maxCompressionRatio,
                maxUnpackedBytes,
                maxNestingDepth,
                true,
                IngestProperties.DEFAULT_OCR_LANGUAGES);
    }

    /** The same limits, OCR on or off. */
    Limits withOcr(boolean on) {
        return new Limits(maxTextChars, maxCompressionRatio, maxUnpackedBytes, maxNestingDepth, on, ocrLanguages);
    }

    List<String> toArgs() {
        var args = new ArrayList<String>();
        args.add(Integer.toString(maxTextChars));
        args.add(Long.toString(maxCompressionRatio));
        args.add(Long.toString(maxUnpackedBytes));
        args.add(Integer.toString(maxNestingDepth));
        args.add(Boolean.toString(ocr));
        args.add(ocrLanguages);
        return args;
    }

    static Limits fromArgs(String[] args) {
        return new Limits(
                Integer.parseInt(args[0]),
                Long.parseLong(args[1]),
                Long.parseLong(args[2]),
                Integer.parseInt(args[3]),
                Boolean.parseBoolean(args[4]),
                args[5]);
    }
}
