package org.verso.bench.translation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.verso.library.DomainException;
import org.verso.translation.ExtractedSegments;
import org.verso.translation.SegmentTranslation;
import org.verso.translation.Segmentation;
import org.verso.translation.SourceFile;
import org.verso.translation.TranslationProperties;

/**
 * Speed of segmentation over the corpus, format by format: extraction (Okapi filter + SRX) and merge back (target =
 * source, through the filter writer), in files/s, MB/s and segments/s, after one warm-up pass. Prints figures only.
 *
 * <p>Run: {@code mvn -q -pl bench -am process-test-classes -Psegments-bench} (see docs/translation.md).
 */
public final class SegmentationBenchmark {
    private record Format(String name, String folder, String mediaType) {}

    private static final List<Format> FORMATS = List.of(
            new Format(
                    "DOCX", "office/docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            new Format("ODT", "office/odt", "application/vnd.oasis.opendocument.text"),
            new Format("HTML", "office/html", "text/html"),
            new Format("text", "office/txt", "text/plain"),
            new Format("XLIFF 1.2", "translation/xliff12", "application/x-xliff+xml"),
            new Format("XLIFF 2", "translation/xliff20", "application/x-xliff+xml"),
            new Format("PO", "translation/po", "text/x-gettext-translation"));

    private SegmentationBenchmark() {}

    public static void main(String[] args) throws IOException {
        // Okapi and Jericho log every oddity of the corpus files; the figures are what matters here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.OFF);
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(corpus)) {
            System.err.println("No corpus at " + corpus + " (set -Dcorpus=…)");
            System.exit(2);
        }
        try (Segmentation segmentation = new Segmentation(TranslationProperties.defaults())) {
            for (Format format : FORMATS) {
                run(segmentation, corpus, format, false); // warm-up
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %6s %8s %9s | %9s %8s %11s | %9s %8s%n",
                    "format",
                    "files",
                    "MB",
                    "segments",
                    "extract/s",
                    "MB/s",
                    "segments/s",
                    "merge/s",
                    "MB/s");
            long[] total = new long[4];
            for (Format format : FORMATS) {
                long[] figures = run(segmentation, corpus, format, true);
                for (int i = 0; i < total.length; i++) {
                    total[i] += figures[i];
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "all: %d files, %.1f MB, %d segments, extraction %.1f s (%.1f files/s, %.0f segments/s)%n",
                    total[0],
                    total[1] / 1e6,
                    total[2],
                    total[3] / 1e9,
                    total[0] / (total[3] / 1e9),
                    total[2] / (total[3] / 1e9));
        }
    }

    /** Returns files, bytes, segments and extraction nanoseconds. */
    private static long[] run(Segmentation segmentation, Path corpus, Format format, boolean print) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus.resolve(format.folder()))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        long count = 0;
        long segmentsTotal = 0;
        long extractNanos = 0;
        long mergeNanos = 0;
        long mergedBytes = 0;
        long merged = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            SourceFile source =
                    SourceFile.of(format.mediaType(), file.getFileName().toString(), "en");
            long start = System.nanoTime();
            ExtractedSegments segments;
            try {
                segments = segmentation.extract(new ByteArrayInputStream(content), source);
            } catch (DomainException refused) {
                continue; // a file Okapi cannot read: not part of the figures
            }
            extractNanos += System.nanoTime() - start;
            count++;
            bytes += content.length;
            segmentsTotal += segments.count();
            List<SegmentTranslation> same = segments.segments().stream()
                    .map(s -> new SegmentTranslation(s.index(), s.source(), s.source()))
                    .toList();
            String target = targetOf(content);
            start = System.nanoTime();
            try {
                segmentation.merge(
                        new ByteArrayInputStream(content), source, target, same, OutputStream.nullOutputStream());
                mergeNanos += System.nanoTime() - start;
                mergedBytes += content.length;
                merged++;
            } catch (DomainException refused) {
                // a file Okapi cannot write back: left out of the merge figures
            }
        }
        if (print) {
            double extractSeconds = extractNanos / 1e9;
            double mergeSeconds = mergeNanos / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %6d %8.2f %9d | %9.1f %8.2f %11.0f | %9.1f %8.2f%n",
                    format.name(),
                    count,
                    bytes / 1e6,
                    segmentsTotal,
                    count / extractSeconds,
                    bytes / 1e6 / extractSeconds,
                    segmentsTotal / extractSeconds,
                    merged / mergeSeconds,
                    mergedBytes / 1e6 / mergeSeconds);
        }
        return new long[] {count, bytes, segmentsTotal, extractNanos};
    }

    private static final java.util.regex.Pattern TARGET_LANGUAGE =
            java.util.regex.Pattern.compile("\\s(?:target-language|trgLang)\\s*=\\s*[\"']([A-Za-z0-9_-]{2,35})[\"']");

    /** XLIFF files declare their target language; merging into another is refused. */
    private static String targetOf(byte[] content) {
        var m = TARGET_LANGUAGE.matcher(
                new String(content, 0, Math.min(content.length, 65536), java.nio.charset.StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : "ru";
    }
}
