package org.verso.translation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The checks of the target's plain text against the source's: white space at the edges, double spaces, the end
 * punctuation, brackets and quotes. Punctuation is compared by what it means, not how it is written: {@code 。} is a
 * full stop, {@code …} three dots, and a full stop before a closing quote ({@code "yes."}) ends the sentence as one
 * after it ({@code «да».}) does. Quotes are one family ({@code "…"}, {@code «…»}, {@code „…“}, {@code “…”} all
 * balance each other), brackets are counted per kind, and the target is only blamed for an imbalance the source does
 * not have (a segment may well open a bracket the next one closes).
 */
final class TextCheck {
    private static final String QUOTES_AND_BRACKETS = "\"'«»„“”‘’‹›()[]{}「」『』";
    private static final Map<Character, String> SAME_PUNCTUATION =
            Map.of('。', ".", '．', ".", '！', "!", '？', "?", '：', ":", '；', ";", '，', ",", '…', "...", '¿', "", '¡', "");
    private static final String OPEN_BRACKETS = "([{";
    private static final String CLOSE_BRACKETS = ")]}";

    private TextCheck() {}

    static void edges(String source, String target, List<QualityIssue> issues) {
        String leadS = lead(source);
        String leadT = lead(target);
        String trailS = lead(new StringBuilder(source).reverse().toString());
        String trailT = lead(new StringBuilder(target).reverse().toString());
        if (!leadS.equals(leadT) || !trailS.equals(trailT)) {
            issues.add(QualityIssue.warning("whitespace-edges", List.of()));
        }
    }

    /** Double spaces inside the target's text pieces, when the source has none. */
    static void doubleSpaces(List<String> sourcePieces, List<String> targetPieces, List<QualityIssue> issues) {
        if (!hasDouble(sourcePieces) && hasDouble(targetPieces)) {
            issues.add(QualityIssue.warning("double-space", List.of()));
        }
    }

    static void endPunctuation(String source, String target, List<QualityIssue> issues) {
        String s = end(source);
        String t = end(target);
        if (!s.equals(t)) {
            issues.add(QualityIssue.warning("end-punctuation", List.of(s, t)));
        }
    }

    static void balance(String source, String target, List<QualityIssue> issues) {
        List<String> unbalanced = new ArrayList<>();
        for (int k = 0; k < OPEN_BRACKETS.length(); k++) {
            char open = OPEN_BRACKETS.charAt(k);
            char close = CLOSE_BRACKETS.charAt(k);
            if (count(source, open) - count(source, close) != count(target, open) - count(target, close)) {
                unbalanced.add(open + "" + close);
            }
        }
        if (quoteBalance(source) != quoteBalance(target)) {
            unbalanced.add("«»");
        }
        if (!unbalanced.isEmpty()) {
            issues.add(QualityIssue.warning("unbalanced", unbalanced));
        }
    }

    /**
     * Opened minus closed quotes: {@code “} closes after {@code „} (German and Russian inner quotes) and opens
     * otherwise; straight double quotes alternate.
     */
    static int quoteBalance(String text) {
        Deque<Character> open = new ArrayDeque<>();
        int unmatchedClose = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean closes =
                    switch (c) {
                        case '»', '”' -> true;
                        case '“' -> !open.isEmpty() && open.peek() == '„';
                        case '"' -> !open.isEmpty() && open.peek() == '"';
                        default -> false;
                    };
            boolean opens = !closes && (c == '«' || c == '„' || c == '“' || c == '"');
            if (closes) {
                if (open.isEmpty()) {
                    unmatchedClose++;
                } else {
                    open.pop();
                }
            } else if (opens) {
                open.push(c);
            }
        }
        return open.size() - unmatchedClose;
    }

    /** The meaning of a text's end: its final punctuation with quotes and brackets left out, "" for none. */
    static String end(String text) {
        StringBuilder end = new StringBuilder();
        int i = text.length() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        for (; i >= 0; i--) {
            char c = text.charAt(i);
            if (QUOTES_AND_BRACKETS.indexOf(c) >= 0) {
                continue;
            }
            if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)) {
                break;
            }
            end.insert(0, SAME_PUNCTUATION.getOrDefault(c, String.valueOf(c)));
        }
        return end.toString();
    }

    private static String lead(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00A0')) {
            i++;
        }
        return " ".repeat(i);
    }

    private static boolean hasDouble(List<String> pieces) {
        for (String piece : pieces) {
            String spaces = piece.replace('\u00A0', ' ').strip();
            if (spaces.contains("  ")) {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
