package org.verso.translation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.verso.library.TooLargeException;
import org.verso.translation.ExtractedSegment;

/**
 * Segments text that was extracted from a format Okapi cannot round-trip (PDF, DOC, RTF…): paragraphs are separated by
 * blank lines (or form feeds), the lines of a paragraph are joined, and each paragraph is split into sentences by the
 * same SRX rules as round-trip formats. The segments have no codes; their units are {@code p1}, {@code p2}…
 */
public final class PlainTextSegments {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R|\\f");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SrxRules rules;

    public PlainTextSegments(SrxRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public List<ExtractedSegment> segment(String text, String language, int maxSegments) {
        List<ExtractedSegment> segments = new ArrayList<>();
        int paragraph = 0;
        for (String block : PARAGRAPH_BREAK.split(text)) {
            String joined = WHITESPACE.matcher(block).replaceAll(" ").strip();
            if (joined.isEmpty()) {
                continue;
            }
            paragraph++;
            for (String sentence : rules.sentences(joined, language)) {
                if (segments.size() >= maxSegments) {
                    throw new TooLargeException(
                            "too-many-segments", "The text has more than " + maxSegments + " segments.");
                }
                segments.add(new ExtractedSegment(segments.size(), "p" + paragraph, escape(sentence), sentence));
            }
        }
        return segments;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
