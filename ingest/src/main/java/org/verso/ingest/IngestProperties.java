package org.verso.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ingest ({@code verso.ingest.*}). Paths left empty default to folders of {@code verso.data-dir}.
 *
 * @param maxFileSize the largest file accepted; larger ones are refused as too large
 * @param parseTimeout how long the parser may spend on one file before its process is killed
 * @param workers how many parser processes run side by side (one file each)
 * @param workerHeap the heap of each parser process; a file that needs more is refused as out of memory
 * @param maxTextChars the most characters of text kept per file; the rest is cut (and said so)
 * @param maxCompressionRatio the most a container (ZIP, DOCX, gzip…) may unpack to, as a multiple of its size
 * @param maxUnpackedSize the most a container may unpack to in all, nested containers included
 * @param maxNestingDepth how deep containers may nest inside each other
 * @param chunkSize files per transaction of the ingest job; a crash repeats at most one chunk
 * @param allowedRoots the only folders (and their subfolders) a folder import may read; default
 *     {@code <data-dir>/import}
 * @param inbox the watched inbox folder; default {@code <data-dir>/inbox}
 * @param inboxEnabled whether the inbox is watched
 * @param inboxPoll how often the inbox is looked at
 * @param inboxStableFor how long a file's size and modification time must stay unchanged before it is taken
 * @param workDir where ingest keeps its working files (parser logs); default {@code <data-dir>/ingest}
 * @param resumeOnStart whether jobs interrupted by a stop or crash are resumed when the application starts
 * @param prestartWorkers whether the parser worker processes are started (in the background) as soon as the
 *     application is ready, so that the first file does not wait for them; otherwise they start with the first job
 * @param ocrEnabled whether pages and images without text are read by OCR (Tesseract, when installed); never when off
 * @param ocrLanguages the Tesseract languages OCR reads, joined by {@code +} ({@code eng+rus}); each must be installed
 */
@Validated
@ConfigurationProperties("verso.ingest")
public record IngestProperties(
        @NotNull @DefaultValue("200MB") DataSize maxFileSize,
        @NotNull @DefaultValue("60s") Duration parseTimeout,
        @Min(1) @Max(32) @DefaultValue("2") int workers,
        @NotNull @DefaultValue("512MB") DataSize workerHeap,
        @Min(1000) @Max(100_000_000) @DefaultValue("5000000") int maxTextChars,
        @Min(2) @Max(100_000) @DefaultValue("100") long maxCompressionRatio,
        @NotNull @DefaultValue("1GB") DataSize maxUnpackedSize,
        @Min(1) @Max(50) @DefaultValue("5") int maxNestingDepth,
        @Min(1) @Max(1000) @DefaultValue("10") int chunkSize,
        List<Path> allowedRoots,
        Path inbox,
        @DefaultValue("true") boolean inboxEnabled,
        @NotNull @DefaultValue("5s") Duration inboxPoll,
        @NotNull @DefaultValue("10s") Duration inboxStableFor,
        Path workDir,
        @DefaultValue("true") boolean resumeOnStart,
        @DefaultValue("true") boolean prestartWorkers,
        @DefaultValue("true") boolean ocrEnabled,
        @NotNull @DefaultValue(DEFAULT_OCR_LANGUAGES) String ocrLanguages) {

    /** English and Russian: the languages of the coordinators' scans. */
    public static final String DEFAULT_OCR_LANGUAGES = "eng+rus";
    /** Tesseract's language names ({@code eng}, {@code chi_sim}, {@code script/Cyrillic}) joined by {@code +}. */
    private static final Pattern OCR_LANGUAGES = Pattern.compile("[A-Za-z_/]{3,40}(\\+[A-Za-z_/]{3,40}){0,15}");

    public IngestProperties {
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
        positive("verso.ingest.max-file-size", maxFileSize.toBytes());
        positive("verso.ingest.parse-timeout", parseTimeout.toMillis());
        if (workerHeap.toMegabytes() < 256) {
            throw new IllegalArgumentException("verso.ingest.worker-heap must be at least 256MB, not " + workerHeap);
        }
        positive("verso.ingest.max-unpacked-size", maxUnpackedSize.toBytes());
        positive("verso.ingest.inbox-poll", inboxPoll.toMillis());
        if (inboxStableFor.isNegative()) {
            throw new IllegalArgumentException("verso.ingest.inbox-stable-for must not be negative");
        }
        if (!OCR_LANGUAGES.matcher(ocrLanguages).matches()) {
            throw new IllegalArgumentException("verso.ingest.ocr-languages must be Tesseract language names joined by +"
                    + " (eng+rus), not '" + ocrLanguages + "'");
        }
    }

    private static void positive(String property, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive, not " + value);
        }
    }
}
