package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HzCharsetTest {
    /** Writes HZ by hand: GB2312 bytes with the high bit cleared between {@code ~{} and {@code ~}}. */
    private static byte[] hz(String... parts) {
        StringBuilder out = new StringBuilder();
        boolean chinese = false;
        for (String part : parts) {
            if (chinese) {
                out.append("~{");
                for (byte b : part.getBytes(Charset.forName("GB2312"))) {
                    out.append((char) (b & 0x7f));
                }
                out.append("~}");
            } else {
                out.append(part);
            }
            chinese = !chinese;
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String read(byte[] bytes, int bufferSize) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), HzCharset.INSTANCE.newDecoder())) {
            char[] buffer = new char[bufferSize];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        }
        return text.toString();
    }

    @Test
    void decodesChineseBetweenTheEscapesAndAsciiAround() throws IOException {
        byte[] bytes = hz("Article 1 ", "世界人权宣言", " (1948) ~~ done");

        assertThat(read(bytes, 1)).isEqualTo("Article 1 世界人权宣言 (1948) ~ done");
        assertThat(new String(bytes, HzCharset.INSTANCE)).isEqualTo("Article 1 世界人权宣言 (1948) ~ done");
    }

    @Test
    void aTildeBeforeALineBreakJoinsTheLines() throws IOException {
        assertThat(read("one ~\ntwo".getBytes(StandardCharsets.US_ASCII), 64)).isEqualTo("one two");
    }

    @Test
    void recognisesHzButNotAsciiWithAStrayEscapeNorEightBitText() {
        assertThat(HzCharset.looksLikeHz(hz("", "联合国大会一九四八年", ""))).isTrue();
        assertThat(HzCharset.looksLikeHz("if (x) ~{ y(); ~} else ~{ z(); ~}".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(HzCharset.looksLikeHz("plain ASCII text".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(HzCharset.looksLikeHz("~{世界人权宣言~}".getBytes(Charset.forName("GB2312"))))
                .isFalse();
    }

    @Test
    void malformedInputBecomesAReplacementCharacterNotAnError() {
        String text = new String(new byte[] {'a', '~', '{', 0x7e, 0x21, '~', '}', 'b'}, HzCharset.INSTANCE);

        assertThat(text).startsWith("a").endsWith("b").contains("\uFFFD");
    }
}
