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
 * same SRX rules as round-trip formats. A hyphen at a line end before a lower-case letter is undone ("interna-" +
 * "tional" is "international"). The segments have no codes; their units are {@code p1}, {@code p2}…
 */
public final class PlainTextSegments {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R|\\f");
    /** A hyphen ending a line before a lower-case letter splits one word: "interna-\ntional". */
    private static final Pattern LINE_END_HYPHEN = Pattern.compile("(?<=\\p{L})-[ \\t]*\\R[ \\t]*(?=\\p{Ll})");
    /** A hyphen ending a line before a capital keeps the compound: "Stress-\nEngineered" is "Stress-Engineered". */
    private static final Pattern LINE_END_COMPOUND = Pattern.compile("(?<=\\p{L}-)[ \\t]*\\R[ \\t]*(?=\\p{Lu})");
    /** The end of a block that ends a sentence (or a heading with a colon). */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;…][\"'”’)\\]]*$");
    /** A block that ends in a hyphen after a letter, or in a one-letter word ("A"): its paragraph goes on. */
    private static final Pattern OPEN_END = Pattern.compile("(\\p{L}-|(^|\\s)\\p{Lu})$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SrxRules rules;

    public PlainTextSegments(SrxRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public List<ExtractedSegment> segment(String text, String language, int maxSegments) {
        List<ExtractedSegment> segments = new ArrayList<>();
        int paragraph = 0;
        for (String block : blocks(text)) {
            String unhyphenated = LINE_END_HYPHEN.matcher(block).replaceAll("");
            String joined = WHITESPACE
                    .matcher(LINE_END_COMPOUND.matcher(unhyphenated).replaceAll(""))
                    .replaceAll(" ")
                    .strip();
            if (joined.isEmpty()) {
                continue;
            }
            paragraph++;
            for (String sentence : rules.sentences(joined, language)) {
                if (sentence.codePoints().noneMatch(Character::isLetterOrDigit)) {
                    continue; // only punctuation: nothing to translate
                }
                if (segments.size() >= maxSegments) {
                    throw new TooLargeException(
                            "too-many-segments", "The text has more than " + maxSegments + " segments.");
                }
                segments.add(new ExtractedSegment(segments.size(), "p" + paragraph, escape(sentence), sentence));
            }
        }
        return segments;
    }

    /**
     * The paragraphs of the text. PDF text (as Tika writes it) often has a blank line after every line, so a block
     * that does not end a sentence continues into the next one when that starts in lower case, or when the block ends
     * in a hyphen or a one-letter word.
     */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : PARAGRAPH_BREAK.split(text)) {
            String stripped = block.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (!blocks.isEmpty()) {
                String previous = blocks.get(blocks.size() - 1);
                boolean continues = OPEN_END.matcher(previous).find()
                        || (!SENTENCE_END.matcher(previous).find() && Character.isLowerCase(stripped.codePointAt(0)));
                if (continues) {
                    blocks.set(blocks.size() - 1, previous + "\n" + stripped);
                    continue;
                }
            }
            blocks.add(stripped);
        }
        return blocks;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
