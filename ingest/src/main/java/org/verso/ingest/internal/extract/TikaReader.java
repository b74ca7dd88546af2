package org.verso.ingest.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.OfficeOpenXMLExtended;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.verso.ingest.ArchiveMember;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/**
 * Reads one file with Tika inside a worker process: type from the bytes (the name is never consulted), container
 * guard, parse with Tika's own bomb limits (embedded documents included, as Tika does by default), language detection
 * with Tika's OpenNLP model ({@link LanguageDetection}).
 */
final class TikaReader {
    /**
     * Enough for the detector to settle; its cost grows faster than the sample (it re-predicts as it reads). On the
     * corpus, 1,500 characters name the same language as 3,000 for every file, at a quarter less CPU.
     */
    private static final int LANGUAGE_SAMPLE = 1_500;
    /**
     * Below the detector's confidence threshold, the best language is kept when it scores at least this and twice the
     * next: on the corpus this names English, French and Arabic pages of a few hundred characters correctly and
     * leaves shorter or mixed texts without a language.
     */
    private static final float CLEAR_SCORE = 0.03f;

    private static final float CLEAR_LEAD = 2f;
    /** Above this score Tika's detector names a language with some confidence (its {@code LanguageConfidence.LOW}). */
    private static final double DETECTOR_THRESHOLD = 0.20;

    /** Archives that are not unpacked (see {@link ArchiveUnpacker#TYPES} for those that are). */
    private static final Set<String> ARCHIVES = Set.of(
            "application/x-rar-compressed",
            "application/vnd.rar",
            "application/x-xz",
            "application/zstd",
            "application/java-archive");

    private static final String PDF = "application/pdf";

    private final Limits limits;
    private final TikaConfig config;
    private final Detector detector;
    private final AutoDetectParser parser;
    private final MediaTypeRegistry registry;
    private final Set<MediaType> supportedTypes;
    private final RefiningEncodingDetector encodings;
    private final Path scratch;

    /** @param scratch where archives are unpacked, a folder of their own each */
    TikaReader(Limits limits, Path scratch) throws IOException {
        this.limits = limits;
        this.scratch = scratch;
        this.config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.registry = config.getMediaTypeRegistry();
        this.parser = new KnownParsers(config);
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(
                null, 10_000_000L, limits.maxCompressionRatio(), 50, limits.maxNestingDepth() * 10));
        this.supportedTypes = Set.copyOf(parser.getSupportedTypes(new ParseContext()));
        this.encodings = new RefiningEncodingDetector(config.getEncodingDetector());
        LanguageDetection.get(); // the model, read now rather than by the first file
    }

    Extraction read(Path file) {
        String type = null;
        try {
            if (Files.size(file) == 0) {
                return Extraction.failed(FailureReason.EMPTY, null, null);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(64 * 1024);
            }
            try (TikaInputStream in = TikaInputStream.get(file)) {
                // no file name: the type comes from the bytes alone; the stream keeps what detection opened (a ZIP
                // package) for the parser, so a container is not opened twice
                type = detector.detect(in, new Metadata()).getBaseType().toString();
                if (type.equals(Extraction.UNKNOWN_TYPE) && TextSniffer.looksLikeText(head)) {
                    type = "text/plain"; // legacy single- and multi-byte charsets have no magic number
                }
                if (ContainerGuard.isContainer(head)) {
                    new ContainerGuard(limits).check(file);
                } else if (isXmlLike(type)) {
                    ContainerGuard.checkXml(head);
                }
                if (!supported(type)) {
                    return Extraction.failed(FailureReason.UNSUPPORTED_TYPE, "(" + type + ")", type);
                }
                if (ArchiveUnpacker.TYPES.contains(type)) {
                    return unpack(file, type);
                }
                PdfScan pdf = type.equals(PDF) ? PdfScan.of(file) : null;
                if (pdf != null && pdf.encryptedPayload()) {
                    return Extraction.failed(
                            FailureReason.ENCRYPTED,
                            "(DRM: its content is an encrypted attachment, such as Microsoft IRM protection writes;"
                                    + " only a placeholder page can be read)",
                            type);
                }
                boolean ocrFirst = ocrFirst(type);
                Extraction parsed = parse(in, type, ocrFirst, pdf);
                if (parsed.succeeded() && parsed.text().isEmpty() && limits.ocr() && !ocrFirst) {
                    // nothing but images, perhaps: a scan pasted into a document; read them this time
                    try (TikaInputStream again = TikaInputStream.get(file)) {
                        parsed = parse(again, type, true, pdf);
                    }
                }
                if (parsed.succeeded() && ARCHIVES.contains(type)) {
                    return Extraction.failed(
                            FailureReason.UNSUPPORTED_TYPE,
                            "(" + type + ": archives of this kind are not unpacked here; unpack it and import the"
                                    + " folder)",
                            type);
                }
                return parsed;
            }
        } catch (ContainerGuard.Refused refused) {
            return Extraction.failed(refused.reason, refused.getMessage(), type);
        } catch (ContainerGuard.LimitPassed limit) {
            return Extraction.failed(limit.refused.reason, limit.refused.getMessage(), type);
        } catch (IOException e) {
            // the guard could not read the container's structure: truncated or damaged
            return Extraction.failed(Failures.classify(e), Failures.shortMessage(e), type);
        }
    }

    private Extraction unpack(Path file, String type) throws ContainerGuard.Refused, IOException {
        List<ArchiveMember> members = new ArchiveUnpacker(limits, detector, scratch).unpack(file, type);
        if (members.isEmpty()) {
            return Extraction.failed(FailureReason.EMPTY, "(the archive holds no files)", type);
        }
        return Extraction.unpacked(type, members);
    }

    private boolean supported(String type) {
        var supported = supportedTypes;
        for (MediaType t = MediaType.parse(type); t != null; t = registry.getSupertype(t)) {
            if (t.equals(MediaType.OCTET_STREAM)) {
                return false;
            }
            if (supported.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isXmlLike(String type) {
        return type.contains("xml") || type.startsWith("text/html") || type.contains("xliff");
    }

    /**
     * Whether OCR may read a file of this type from the start: an image (a scan) or a PDF, where Tika's {@code AUTO}
     * strategy renders and reads only the pages that carry (next to) no text. The images embedded in other documents
     * are read only when the document has no text at all: with Tesseract installed, Tika would otherwise read every
     * picture of every manual (84 in one ODT of the corpus, five minutes).
     */
    private boolean ocrFirst(String type) {
        return limits.ocr() && (type.startsWith("image/") || type.equals(PDF));
    }

    /**
     * How Tika reads PDFs and runs Tesseract in one parse; never OCR when it is off in the settings. Of a PDF, only
     * pages with (next to) no text are rendered and read (Tika's {@code AUTO}), and only when the PDF holds images at
     * all: a blank page, or a page whose font has no Unicode map, is not a scan.
     */
    private void configureOcr(ParseContext context, boolean ocr, PdfScan scan) {
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false); // images of text pages are not read
        boolean pages = ocr && limits.ocr() && (scan == null || scan.images());
        pdf.setOcrStrategy(pages ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setLanguage(limits.ocrLanguages());
        tesseract.setSkipOcr(!(ocr && limits.ocr()));
        context.set(TesseractOCRConfig.class, tesseract);
    }

    private Extraction parse(TikaInputStream in, String type, boolean ocr, PdfScan scan) {
        StringWriter text = new StringWriter();
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type); // detected once, from the bytes
        boolean truncated = false;
        ParseContext context = new ParseContext();
        context.set(org.apache.tika.detect.EncodingDetector.class, encodings);
        context.set(TikaConfig.class, config); // else every parse builds a default configuration of its own
        configureOcr(context, ocr, scan);
        OcrText ocrText = new OcrText(new WriteOutContentHandler(text, limits.maxTextChars()));
        try {
            parser.parse(in, new BodyContentHandler(ocrText), metadata, context);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                return Extraction.failed(Failures.classify(e), Failures.shortMessage(e), type);
            }
        }
        String charset = charset(metadata);
        String body = clean(text.toString());
        if (body.isEmpty()) {
            String damage = damage(metadata);
            if (damage != null) {
                return Extraction.failed(FailureReason.CORRUPT, "(nothing could be read: " + damage + ")", type);
            }
        }
        LanguageDetection.Scored language = detectLanguage(body);
        return new Extraction(
                null,
                truncated ? "The text was cut at " + limits.maxTextChars() + " characters." : null,
                type,
                first(metadata, TikaCoreProperties.TITLE.getName()),
                first(metadata, TikaCoreProperties.CREATOR.getName()),
                issuingBody(metadata),
                year(metadata),
                pages(metadata),
                language == null ? null : Languages.toBcp47(language.language()),
                language == null ? null : (double) Math.max(0f, Math.min(1f, (float) language.score())),
                charset,
                body,
                truncated,
                !body.isEmpty() && (ocrText.read() || (ocr && type.startsWith("image/"))),
                List.of());
    }

    /**
     * What the parser reported as damaged while it went on (Tika's {@code X-TIKA:EXCEPTION:*} entries: a part that
     * would not parse, a stream it could not read), its first line; {@code null} when nothing was.
     */
    static String damage(Metadata metadata) {
        for (String name : metadata.names()) {
            if (name.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX)) {
                String value = metadata.get(name);
                if (value != null && !value.isBlank()) {
                    String line = value.strip().lines().findFirst().orElse("").strip();
                    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
                }
            }
        }
        return null;
    }

    private LanguageDetection.Scored detectLanguage(String text) {
        if (text.isBlank()) {
            return null;
        }
        String sample = text.length() > LANGUAGE_SAMPLE ? text.substring(0, LANGUAGE_SAMPLE) : text;
        LanguageDetection.Scored[] results = LanguageDetection.get().detect(sample);
        if (results.length == 0) {
            return null;
        }
        LanguageDetection.Scored best = results[0];
        float score = (float) best.score(); // Tika's raw score
        if (best.score() > DETECTOR_THRESHOLD) {
            return best;
        }
        // short texts never reach the detector's confidence threshold; take the best when it clearly stands out
        float next = results.length > 1 ? (float) results[1].score() : 0f;
        return score >= CLEAR_SCORE && score >= CLEAR_LEAD * next ? best : null;
    }

    /**
     * Collapses the runs of blank lines parsers emit and keeps paragraphs, in one pass: CRLF becomes LF, spaces and
     * tabs at the end of a line go, three or more line breaks become two, and the text is stripped.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blanks = -1; // where the current run of spaces and tabs starts in out, or -1
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // the \n that follows stands for both
            }
            if (c == '\n') {
                if (blanks >= 0) {
                    out.setLength(blanks);
                    blanks = -1;
                }
                int n = out.length();
                if (n < 2 || out.charAt(n - 1) != '\n' || out.charAt(n - 2) != '\n') {
                    out.append('\n');
                }
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f') {
                if (blanks < 0) {
                    blanks = out.length();
                }
                out.append(c);
            } else {
                blanks = -1;
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static String first(Metadata metadata, String name) {
        String value = metadata.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        return value.length() > 490 ? value.substring(0, 490) : value;
    }

    private static String issuingBody(Metadata metadata) {
        String publisher = first(metadata, TikaCoreProperties.PUBLISHER.getName());
        return publisher != null ? publisher : first(metadata, OfficeOpenXMLExtended.COMPANY.getName());
    }

    private static Integer year(Metadata metadata) {
        Date created = metadata.getDate(TikaCoreProperties.CREATED);
        if (created == null) {
            return null;
        }
        int year = created.toInstant().atZone(ZoneOffset.UTC).getYear();
        return year >= 1000 && year <= 2999 ? year : null;
    }

    private static Integer pages(Metadata metadata) {
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        if (pages == null) {
            pages = metadata.getInt(Office.PAGE_COUNT);
        }
        return pages != null && pages > 0 ? pages : null;
    }

    private static String charset(Metadata metadata) {
        String encoding = metadata.get(Metadata.CONTENT_ENCODING);
        return encoding == null ? null : encoding.toLowerCase(Locale.ROOT);
    }
}
