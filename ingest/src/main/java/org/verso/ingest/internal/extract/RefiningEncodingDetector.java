package org.verso.ingest.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.apache.tika.parser.txt.UniversalEncodingDetector;

/**
 * The charset of a text or HTML file: Tika's detectors (an HTML page's declaration first, then statistics), checked
 * against the bytes. HZ Chinese is recognised (Tika has no HZ); a declared or guessed UTF-8 that the bytes are not
 * is dropped for the statistical guess; an EBCDIC guess for bytes that are mostly ASCII is dropped too (a page of
 * ASCII markup cannot be EBCDIC); and a single-byte guess gets a second opinion from {@link CharsetRefiner}. Given to
 * the parsers through the {@code ParseContext}, so that they decode with the right charset in the first place.
 */
final class RefiningEncodingDetector implements EncodingDetector {
    private static final int SAMPLE = 16 * 1024;

    private final EncodingDetector tika;
    private final EncodingDetector statistical =
            new CompositeEncodingDetector(List.of(new UniversalEncodingDetector(), new Icu4jEncodingDetector()));
    private final CharsetRefiner refiner = new CharsetRefiner();

    RefiningEncodingDetector(EncodingDetector tika) {
        this.tika = tika;
    }

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null) {
            return tika.detect(null, metadata);
        }
        input.mark(SAMPLE);
        byte[] sample;
        try {
            sample = input.readNBytes(SAMPLE);
        } finally {
            input.reset();
        }
        if (HzCharset.looksLikeHz(sample)) {
            return HzCharset.INSTANCE;
        }
        Charset found = tika.detect(input, metadata);
        if (found != null && isUtf8(found) && !validUtf8(sample)) {
            found = statistical.detect(input, metadata); // a lying declaration, or a wrong guess
            if (found == null || isUtf8(found)) {
                found = StandardCharsets.ISO_8859_1; // some single-byte charset: let the refiner pick
            }
        }
        if (found != null && !asciiCompatible(found) && mostlyAscii(sample)) {
            found = StandardCharsets.ISO_8859_1; // e.g. IBM420 for ASCII markup: let the refiner pick
        }
        if (found == null || !CharsetRefiner.applies(found.name(), sample)) {
            return found;
        }
        String better = refiner.refine(found.name(), sample);
        return better.equalsIgnoreCase(found.name()) ? found : Charset.forName(better);
    }

    private static boolean isUtf8(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** Whether the sample is UTF-8, allowing a character cut off at its end. */
    static boolean validUtf8(byte[] sample) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var out = java.nio.CharBuffer.allocate(sample.length);
        var result = decoder.decode(ByteBuffer.wrap(sample), out, false);
        return !result.isError();
    }

    /** Whether ASCII text reads the same in the charset (not so for EBCDIC or UTF-16). */
    static boolean asciiCompatible(Charset charset) {
        if (!charset.canEncode()) {
            return true;
        }
        try {
            ByteBuffer encoded = charset.newEncoder().encode(java.nio.CharBuffer.wrap("<a href=\"x\">Az 09</a>"));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return new String(bytes, StandardCharsets.US_ASCII).equals("<a href=\"x\">Az 09</a>");
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean mostlyAscii(byte[] sample) {
        int ascii = 0;
        for (byte b : sample) {
            if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t') {
                ascii++;
            }
        }
        return ascii * 10 >= sample.length * 9;
    }
}
