package org.verso.ingest.internal.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Second opinion on the charset of single-byte text. Statistical detectors often mistake Windows-1251 for Mac
 * Cyrillic, Latin-2 for Latin-1 or Windows-1251; this reads a sample with each likely single-byte charset and keeps the
 * one whose text looks most like writing: letters of one script rather than symbols, and no capitals inside words.
 * Each charset is a table of what it makes of the 256 byte values, so a reading costs a pass over the bytes, not a
 * decoding. Thread-safe.
 */
final class CharsetRefiner {
    private static final int SAMPLE = 16 * 1024;
    private static final List<String> CANDIDATES = List.of(
            "windows-1251",
            "KOI8-R",
            "KOI8-U",
            "IBM866",
            "x-MacCyrillic",
            "ISO-8859-5",
            "windows-1250",
            "ISO-8859-2",
            "windows-1252",
            "windows-1253",
            "windows-1254",
            "windows-1255",
            "windows-1256",
            "windows-1257");
    private static final Map<String, Reading> READINGS = new ConcurrentHashMap<>();

    CharsetRefiner() {}

    /** Whether a refinement makes sense: a single-byte charset guess on bytes that are not plain ASCII. */
    static boolean applies(String detected, byte[] bytes) {
        if (detected == null) {
            return false;
        }
        Charset charset;
        try {
            charset = Charset.forName(detected);
        } catch (RuntimeException e) {
            return false;
        }
        if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() > 1.0f) {
            return false; // UTF-8, Shift_JIS, GB18030…: multi-byte detection is reliable
        }
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** The best charset for the bytes; {@code detected} (a single-byte charset) unless another is clearly better. */
    String refine(String detected, byte[] bytes) {
        int length = Math.min(bytes.length, SAMPLE);
        String best = detected;
        double bestScore = score(detected, bytes, length) + 0.15; // the detector's pick wins near-ties
        for (String name : CANDIDATES) {
            if (name.equals(detected)) {
                continue; // scored above, with its bonus
            }
            double s = score(name, bytes, length);
            if (s > bestScore) {
                best = name;
                bestScore = s;
            }
        }
        return best;
    }

    private static double score(String name, byte[] bytes, int length) {
        Reading reading = READINGS.computeIfAbsent(name, Reading::of);
        return reading == null ? 0 : reading.quality(bytes, length);
    }

    /**
     * What one single-byte charset makes of each byte value: the character and, for letters, their case and script.
     * {@code null} from {@link #of} for a charset this JVM cannot decode.
     */
    private record Reading(char[] chars, Character.UnicodeScript[] scripts, byte[] kinds) {
        private static final byte LETTER = 1;
        private static final byte UPPER = 2;
        private static final byte LOWER = 4;

        static Reading of(String name) {
            CharsetDecoder decoder;
            try {
                decoder = Charset.forName(name)
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
            } catch (RuntimeException e) {
                return null;
            }
            char[] chars = new char[256];
            Character.UnicodeScript[] scripts = new Character.UnicodeScript[256];
            byte[] kinds = new byte[256];
            for (int b = 0; b < 256; b++) {
                decoder.reset();
                CharBuffer out = CharBuffer.allocate(4);
                decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}), out, true);
                decoder.flush(out);
                chars[b] = out.position() == 1 ? out.get(0) : '\uFFFD';
                scripts[b] = Character.UnicodeScript.of(chars[b]);
                kinds[b] = (byte) ((Character.isLetter(chars[b]) ? LETTER : 0)
                        | (Character.isUpperCase(chars[b]) ? UPPER : 0)
                        | (Character.isLowerCase(chars[b]) ? LOWER : 0));
            }
            return new Reading(chars, scripts, kinds);
        }

        /**
         * Share of non-ASCII characters that are letters in a plausible place, 0 to 1: symbols, replacement
         * characters, capitals inside words, letters of a second script, and non-Latin letters in a word of mostly
         * ASCII letters (Latin-2 Serbian read as Windows-1251 gives "Poљto", one Cyrillic letter among Latin ones; the
         * other way round is common in real Cyrillic text, typed with Latin look-alikes, and is not counted) all count
         * against.
         */
        double quality(byte[] bytes, int length) {
            Character.UnicodeScript main = mainScript(bytes, length);
            int nonAscii = 0;
            int good = 0;
            int previous = ' '; // the byte before, as read
            boolean previousLower = false;
            int i = 0;
            while (i < length) {
                int first = bytes[i] & 0xff;
                if ((kinds[first] & LETTER) == 0) {
                    char c = chars[first];
                    if (c >= 0x80) {
                        nonAscii++;
                        good -= c == '\uFFFD' ? 3 : 2;
                    }
                    previous = c;
                    previousLower = (kinds[first] & LOWER) != 0;
                    i++;
                    continue;
                }
                int end = wordEnd(bytes, i, length);
                boolean strangers = strangersIn(bytes, i, end);
                for (; i < end; i++) {
                    int b = bytes[i] & 0xff;
                    char c = chars[b];
                    boolean upper = (kinds[b] & UPPER) != 0;
                    if (c >= 0x80) {
                        nonAscii++;
                        boolean capitalInsideWord = upper && previousLower;
                        boolean otherScript = scripts[b] != main;
                        boolean stranger = strangers && scripts[b] != Character.UnicodeScript.LATIN;
                        good += capitalInsideWord || otherScript || stranger ? -1 : 1;
                    } else if (upper && previous >= 0x80 && previousLower) {
                        good -= 1; // an ASCII capital right after a non-ASCII small letter
                    }
                    previous = c;
                    previousLower = (kinds[b] & LOWER) != 0;
                }
            }
            return nonAscii == 0 ? 1 : Math.max(0, (double) good / nonAscii);
        }

        /** The script of most non-ASCII letters; Latin when there are none. */
        private Character.UnicodeScript mainScript(byte[] bytes, int length) {
            int[] counts = new int[Character.UnicodeScript.values().length];
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xff;
                if (chars[b] >= 0x80 && (kinds[b] & LETTER) != 0) {
                    counts[scripts[b].ordinal()]++;
                }
            }
            int best = Character.UnicodeScript.LATIN.ordinal();
            for (int s = 0; s < counts.length; s++) {
                if (counts[s] > counts[best]) {
                    best = s;
                }
            }
            return Character.UnicodeScript.values()[best];
        }

        private int wordEnd(byte[] bytes, int start, int length) {
            int end = start;
            while (end < length && (kinds[bytes[end] & 0xff] & LETTER) != 0) {
                end++;
            }
            return end;
        }

        /** Whether a word has non-Latin letters and more ASCII letters than those. */
        private boolean strangersIn(byte[] bytes, int start, int end) {
            int ascii = 0;
            int foreign = 0;
            for (int i = start; i < end; i++) {
                int b = bytes[i] & 0xff;
                char c = chars[b];
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                    ascii++;
                } else if (scripts[b] != Character.UnicodeScript.LATIN) {
                    foreign++;
                }
            }
            return foreign > 0 && ascii > foreign;
        }
    }
}
