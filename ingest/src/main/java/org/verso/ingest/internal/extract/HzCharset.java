package org.verso.ingest.internal.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * HZ (RFC 1843), the 7-bit way of sending GB2312 Chinese through mail: ASCII text in which {@code ~{} switches to
 * GB2312 (each character two bytes, both with the high bit cleared) and {@code ~}} switches back; {@code ~~} is a
 * tilde and {@code ~} before a line break joins the lines. Java has no HZ charset; this one decodes only (nothing is
 * ever written in HZ). Not registered with {@link Charset#forName}: use {@link #INSTANCE}.
 */
final class HzCharset extends Charset {
    static final HzCharset INSTANCE = new HzCharset();

    private static final Charset GB2312 = Charset.forName("GB2312");

    private HzCharset() {
        super("HZ-GB-2312", new String[] {"HZ"});
    }

    @Override
    public boolean contains(Charset cs) {
        return cs.equals(this) || cs.name().equals("US-ASCII");
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException("HZ is read, never written");
    }

    /**
     * Whether 7-bit text is HZ: only ASCII bytes, at least a few GB2312 characters between {@code ~{} and {@code ~}}
     * (a stray {@code ~{} in code or prose does not count), and nothing that fails to decode. An incomplete character
     * at the end of the sample is allowed.
     */
    static boolean looksLikeHz(byte[] sample) {
        if (indexOf(sample, (byte) '~', (byte) '{') < 0) {
            return false;
        }
        for (byte b : sample) {
            if (b < 0) {
                return false;
            }
        }
        CharsetDecoder decoder = INSTANCE.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(sample.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(sample), out, false);
        if (result.isError()) {
            return false;
        }
        out.flip();
        int chinese = 0;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) >= 0x80) {
                chinese++;
            }
        }
        return chinese >= 4;
    }

    private static int indexOf(byte[] bytes, byte first, byte second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        return -1;
    }

    private static final class Decoder extends CharsetDecoder {
        private final CharsetDecoder gb = GB2312.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pair = ByteBuffer.allocate(2);
        private final CharBuffer one = CharBuffer.allocate(2);
        private boolean chinese;

        Decoder(Charset charset) {
            super(charset, 0.5f, 1f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                int start = in.position();
                int b = in.get(start) & 0xff;
                if (b >= 0x80) {
                    return CoderResult.malformedForLength(1);
                }
                if (b == '~') {
                    if (in.remaining() < 2) {
                        return CoderResult.UNDERFLOW; // wait for the byte after the tilde
                    }
                    int next = in.get(start + 1) & 0xff;
                    CoderResult escape = escape(next, out);
                    if (escape != null) {
                        if (escape.isUnderflow()) {
                            in.position(start + 2);
                            continue;
                        }
                        return escape;
                    }
                }
                if (chinese && b > 0x20) {
                    if (in.remaining() < 2) {
                        return CoderResult.UNDERFLOW;
                    }
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    CoderResult gbResult = gbChar(b, in.get(start + 1) & 0xff, out);
                    if (gbResult != null) {
                        return gbResult;
                    }
                    in.position(start + 2);
                } else {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((char) b); // ASCII, and line breaks or spaces inside a Chinese run
                    in.position(start + 1);
                }
            }
            return CoderResult.UNDERFLOW;
        }

        /**
         * Handles {@code ~} followed by {@code next}: {@link CoderResult#UNDERFLOW} when the two bytes were an escape
         * (consumed), an overflow when the tilde did not fit, {@code null} when they are ordinary text.
         */
        private CoderResult escape(int next, CharBuffer out) {
            if (next == '{') {
                chinese = true;
                return CoderResult.UNDERFLOW;
            }
            if (next == '}') {
                chinese = false;
                return CoderResult.UNDERFLOW;
            }
            if (chinese) {
                return null; // '~' is no GB2312 lead byte: the pair will be refused as malformed
            }
            if (next == '\n') {
                return CoderResult.UNDERFLOW; // a soft line break
            }
            if (next == '~') {
                if (!out.hasRemaining()) {
                    return CoderResult.OVERFLOW;
                }
                out.put('~');
                return CoderResult.UNDERFLOW;
            }
            return null; // a lone tilde before other text: kept as it is
        }

        /** Decodes one GB2312 character from two 7-bit bytes; {@code null} when done, else the error. */
        private CoderResult gbChar(int first, int second, CharBuffer out) {
            if (first < 0x21 || first > 0x7e || second < 0x21 || second > 0x7e) {
                return CoderResult.malformedForLength(first < 0x21 || first > 0x7e ? 1 : 2);
            }
            pair.clear();
            pair.put((byte) (first | 0x80)).put((byte) (second | 0x80)).flip();
            one.clear();
            gb.reset();
            CoderResult result = gb.decode(pair, one, true);
            if (result.isError() || one.position() != 1) {
                return CoderResult.unmappableForLength(2);
            }
            out.put(one.get(0));
            return null;
        }

        @Override
        protected void implReset() {
            chinese = false;
        }
    }
}
