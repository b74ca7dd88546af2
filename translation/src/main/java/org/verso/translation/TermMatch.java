package org.verso.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a term occurs in a text, tolerant of inflection: words are compared case-folded ({@code ё} as {@code е}),
 * and a word of four letters or more also matches a word sharing all but its last two letters (at least three), so
 * {@code пытки} is found in {@code пыток} and {@code right} in {@code rights}. A heuristic, not a stemmer: it may find
 * a term where a stemmer would not ({@code права} in {@code правда}), which only ever silences a warning.
 *
 * <p>Stateless and thread-safe.
 */
public final class TermMatch {
    private TermMatch() {}

    /** A word of a text: case-folded, with where it stands in the text ({@code start} inclusive, {@code end} not). */
    public record Word(String text, int start, int end) {}

    /** The words of a text, case-folded, in order (letters and digits; everything else separates). */
    public static List<String> words(String text) {
        return spans(text).stream().map(Word::text).toList();
    }

    /** As {@link #words(String)}, with each word's place in the text. */
    public static List<Word> spans(String text) {
        List<Word> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(new Word(fold(text.substring(start, i)), start, i));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(c) : 1;
        }
        return words;
    }

    /** Whether the words of {@code term} occur one after the other in {@code text}. */
    public static boolean occursIn(String text, String term) {
        return occursIn(words(text), words(term));
    }

    /** As {@link #occursIn(String, String)} for texts already split by {@link #words(String)}. */
    public static boolean occursIn(List<String> text, List<String> term) {
        return firstAt(text, term, 0) >= 0;
    }

    /** Whether the words of {@code term} occur one after the other in {@code text} exactly as written (case-folded). */
    public static boolean occursExactly(List<String> text, List<String> term) {
        return !term.isEmpty() && java.util.Collections.indexOfSubList(text, term) >= 0;
    }

    /** The first index from {@code from} at which {@code term}'s words start in {@code text}, or -1. */
    public static int firstAt(List<String> text, List<String> term, int from) {
        if (term.isEmpty()) {
            return -1;
        }
        for (int i = Math.max(0, from); i + term.size() <= text.size(); i++) {
            boolean all = true;
            for (int j = 0; j < term.size() && all; j++) {
                all = sameWord(text.get(i + j), term.get(j));
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a word of a text is the term's word, or an inflected form of it. */
    public static boolean sameWord(String word, String termWord) {
        if (word.equals(termWord)) {
            return true;
        }
        int n = termWord.length();
        if (n < 4 || word.length() > n + 4) {
            return false;
        }
        int common = 0;
        while (common < Math.min(n, word.length()) && word.charAt(common) == termWord.charAt(common)) {
            common++;
        }
        return common >= Math.max(3, n - 2);
    }

    /** A word case-folded as the matching compares it (lower case, ё as е). */
    public static String fold(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
