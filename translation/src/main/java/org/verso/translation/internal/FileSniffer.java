package org.verso.translation.internal;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Looks at the first bytes of a file: its character encoding, and which XLIFF version and source language it has. */
final class FileSniffer {
    private static final int SAMPLE = 64 * 1024;
    private static final Pattern XLIFF2 =
            Pattern.compile("<xliff\\b[^>]*\\sversion\\s*=\\s*[\"']2\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern XLIFF2_NAMESPACE = Pattern.compile("urn:oasis:names:tc:xliff:document:2\\.");
    private static final Pattern SOURCE_LANGUAGE =
            Pattern.compile("\\s(?:source-language|srcLang)\\s*=\\s*[\"']([A-Za-z0-9-_]{2,35})[\"']");
    private static final Pattern TARGET_LANGUAGE =
            Pattern.compile("\\s(?:target-language|trgLang)\\s*=\\s*[\"']([A-Za-z0-9-_]{2,35})[\"']");

    private static final Pattern ITS_REFERENCE =
            Pattern.compile("(?:locQualityIssuesRef|provenanceRecordsRef)\\s*=\\s*[\"']\\s*([^\"']*)[\"']");

    private final byte[] sample;

    private FileSniffer(byte[] sample) {
        this.sample = sample;
    }

    static FileSniffer of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileSniffer(in.readNBytes(SAMPLE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The encoding to read a text file with: the one its byte-order mark names, else the caller's hint when the JVM
     * knows it, else UTF-8 when the bytes are valid UTF-8, else ICU's best guess (Windows-1252 when it has none).
     */
    String encoding(String hint) {
        Optional<String> bom = byteOrderMark();
        if (bom.isPresent()) {
            return bom.get();
        }
        if (hint != null && !hint.isBlank()) {
            try {
                return Charset.forName(hint.strip()).name();
            } catch (RuntimeException ignored) {
                // an unknown or malformed name: guess instead
            }
        }
        if (isUtf8()) {
            return StandardCharsets.UTF_8.name();
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        CharsetMatch match = detector.detect();
        if (match != null && Charset.isSupported(match.getName())) {
            return Charset.forName(match.getName()).name();
        }
        return "windows-1252";
    }

    /**
     * The first reference an XLIFF file makes to ITS stand-off data in another file or at a URL
     * ({@code its:locQualityIssuesRef}, {@code its:provenanceRecordsRef} not starting with {@code #}), if any. Okapi's
     * XLIFF filter would load such data, so Verso refuses these files instead of letting a file make the server read
     * other files or fetch URLs. Scans the whole file.
     */
    static Optional<String> externalItsReference(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            String carry = "";
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                String chunk = carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                Matcher m = ITS_REFERENCE.matcher(chunk);
                while (m.find()) {
                    if (!m.group(1).startsWith("#")) {
                        return Optional.of(m.group(1));
                    }
                }
                carry = chunk.substring(Math.max(0, chunk.length() - 4096));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether the file is an OLE2 compound file: how Office stores an encrypted DOCX, or an old binary DOC. */
    boolean isOle2() {
        return startsWith(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    }

    /**
     * Whether an OpenDocument package is encrypted: its manifest then names encryption data for its parts. False when
     * the file is not a readable package (the filter reports that).
     */
    static boolean isEncryptedOpenDocument(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
            if (manifest == null || manifest.getSize() > 10_000_000) {
                return false;
            }
            try (InputStream in = zip.getInputStream(manifest)) {
                return new String(in.readNBytes(10_000_000), StandardCharsets.UTF_8).contains("encryption-data");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether an XLIFF file declares version 2 (by its version attribute or namespace). */
    boolean isXliff2() {
        String head = asciiHead();
        return XLIFF2.matcher(head).find() || XLIFF2_NAMESPACE.matcher(head).find();
    }

    /** The source language an XLIFF file declares, if any. */
    Optional<String> declaredSourceLanguage() {
        return declared(SOURCE_LANGUAGE);
    }

    /** The target language an XLIFF file declares, if any. */
    Optional<String> declaredTargetLanguage() {
        return declared(TARGET_LANGUAGE);
    }

    private Optional<String> declared(Pattern attribute) {
        Matcher m = attribute.matcher(asciiHead());
        return m.find() ? Optional.of(m.group(1).replace('_', '-').toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private String asciiHead() {
        Optional<String> bom = byteOrderMark();
        if (bom.isPresent() && bom.get().startsWith("UTF-16")) {
            return new String(sample, Charset.forName(bom.get()));
        }
        return new String(sample, StandardCharsets.ISO_8859_1);
    }

    private Optional<String> byteOrderMark() {
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            return Optional.of("UTF-8");
        }
        if (startsWith(0xFF, 0xFE)) {
            return Optional.of("UTF-16LE");
        }
        if (startsWith(0xFE, 0xFF)) {
            return Optional.of("UTF-16BE");
        }
        return Optional.empty();
    }

    private boolean startsWith(int... bytes) {
        if (sample.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((sample[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean isUtf8() {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        // the sample may end inside a multi-byte character: only errors before the end count
        CoderResult result = decoder.decode(in, out, sample.length < SAMPLE);
        if (result.isError()) {
            return false;
        }
        try {
            if (sample.length < SAMPLE) {
                decoder.flush(out);
            }
        } catch (RuntimeException e) {
            return false;
        }
        return true;
    }
}
