package org.verso.ingest.internal.extract;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Second opinion on the charset of single-byte text. Statistical detectors often mistake Windows-1251 for Mac
 * Cyrillic, Latin-2 for Latin-1 or Windows-1251; this decodes a sample with each likely single-byte charset and keeps the one
 * whose text looks most like writing: letters of one script rather than symbols, and no capitals inside words.
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
        if (charset.newEncoder().maxBytesPerChar() > 1.0f) {
            return false; // UTF-8, Shift_JIS, GB18030…: multi-byte detection is reliable
        }
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** The best charset for the bytes; {@code detected} unless another is clearly better. */
    String refine(String detected, byte[] bytes) {
        byte[] sample = bytes.length > SAMPLE ? java.util.Arrays.copyOf(bytes, SAMPLE) : bytes;
        Set<String> names = new LinkedHashSet<>();
        names.add(detected);
        names.addAll(CANDIDATES);
        String best = detected;
        double bestScore = score(detected, sample) + 0.15; // the detector's pick wins near-ties
        for (String name : names) {
            double s = score(name, sample);
            if (s > bestScore) {
                best = name;
                bestScore = s;
            }
        }
        return best;
    }

    private double score(String name, byte[] sample) {
        String text;
        try {
            CharsetDecoder decoder = Charset.forName(name)
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            text = decoder.decode(ByteBuffer.wrap(sample)).toString();
        } catch (Exception e) {
            return 0;
        }
        return quality(text);
    }

    /**
     * Share of non-ASCII characters that are letters in a plausible place, 0 to 1: symbols, replacement characters,
     * capitals inside words, letters of a second script and non-Latin letters in a word of mostly ASCII letters all
     * count against.
     */
    static double quality(String text) {
        var scripts = new java.util.EnumMap<Character.UnicodeScript, Integer>(Character.UnicodeScript.class);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && Character.isLetter(c)) {
                scripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
            }
        }
        Character.UnicodeScript main = scripts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElse(Character.UnicodeScript.LATIN);
        java.util.BitSet strangers = strangers(text);
        int nonAscii = 0;
        int good = 0;
        int previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                nonAscii++;
                if (c == '\uFFFD') {
                    good -= 3;
                } else if (Character.isLetter(c)) {
                    boolean capitalInsideWord = Character.isUpperCase(c) && Character.isLowerCase(previous);
                    boolean otherScript = Character.UnicodeScript.of(c) != main;
                    good += capitalInsideWord || otherScript || strangers.get(i) ? -1 : 1;
                } else {
                    good -= 2;
                }
            } else if (Character.isLetter(c)
                    && Character.isUpperCase(c)
                    && previous >= 0x80
                    && Character.isLowerCase(previous)) {
                good -= 1; // an ASCII capital right after a non-ASCII small letter
            }
            previous = c;
        }
        return nonAscii == 0 ? 1 : Math.max(0, (double) good / nonAscii);
    }

    /**
     * The non-Latin letters that sit in a word of mostly ASCII letters: Latin-2 Serbian read as Windows-1251 gives
     * "Poљto", one Cyrillic letter among Latin ones. The other way round is common in real Cyrillic text, typed with
     * Latin look-alikes ("Пoштo" with a Latin o), and is not counted.
     */
    private static java.util.BitSet strangers(String text) {
        java.util.BitSet strangers = new java.util.BitSet(text.length());
        int start = 0;
        while (start < text.length()) {
            if (!Character.isLetter(text.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            int ascii = 0;
            int foreign = 0;
            for (; end < text.length() && Character.isLetter(text.charAt(end)); end++) {
                char c = text.charAt(end);
                if (isAsciiLetter(c)) {
                    ascii++;
                } else if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    foreign++;
                }
            }
            if (foreign > 0 && ascii > foreign) {
                for (int i = start; i < end; i++) {
                    char c = text.charAt(i);
                    if (c >= 0x80 && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                        strangers.set(i);
                    }
                }
            }
            start = end;
        }
        return strangers;
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
