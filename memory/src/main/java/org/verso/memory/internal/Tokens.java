package org.verso.memory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a segment in Verso's inline markup into the tokens fuzzy matching compares: words (runs of letters and
 * digits, case-folded; each ideograph a word of its own), numbers (digits with inner separators: {@code 1,000.5},
 * {@code 12/2024}) and inline codes ({@code <g id="1">}, {@code </g>}, {@code <x id="2"/>}…). Punctuation and white
 * space are left out. Numbers and codes compare by kind only ({@link Token#norm()}), so that two segments differing in
 * nothing but a number or a code still match; their raw values tell the difference apart. Stateless.
 */
public final class Tokens {
    /** The normalised form of every number. */
    public static final String NUMBER = "\u0001#";
    /** The normalised form of every inline code. */
    public static final String CODE = "\u0001<>";

    private Tokens() {}

    public enum Kind {
        WORD,
        NUMBER,
        CODE
    }

    /** One token: its raw text as written and the form compared. */
    public record Token(Kind kind, String raw, String norm) {}

    /** The tokens of a segment's markup (a plain text without {@code <} or {@code &} is valid markup too). */
    public static List<Token> of(String markup) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = markup.length();
        while (i < n) {
            char c = markup.charAt(i);
            if (c == '<') {
                int end = markup.indexOf('>', i);
                if (end < 0) {
                    text.append(c);
                    i++;
                    continue;
                }
                words(text, tokens);
                text.setLength(0);
                String tag = markup.substring(i, end + 1).replaceAll("\\s+", " ");
                tokens.add(new Token(Kind.CODE, tag, CODE));
                i = end + 1;
            } else if (c == '&') {
                int end = markup.indexOf(';', i);
                String entity = end < 0 || end - i > 10 ? null : markup.substring(i + 1, end);
                String decoded = entity == null ? null : decode(entity);
                if (decoded == null) {
                    text.append(c);
                    i++;
                } else {
                    text.append(decoded);
                    i = end + 1;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        words(text, tokens);
        return tokens;
    }

    /** The plain text of a segment's markup: codes left out, entities decoded. */
    public static String plainText(String markup) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = markup.length();
        while (i < n) {
            char c = markup.charAt(i);
            int end;
            if (c == '<' && (end = markup.indexOf('>', i)) >= 0) {
                i = end + 1;
            } else if (c == '&'
                    && (end = markup.indexOf(';', i)) >= 0
                    && end - i <= 10
                    && decode(markup.substring(i + 1, end)) != null) {
                text.append(decode(markup.substring(i + 1, end)));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    /** How many words and numbers the tokens hold (what leverage counts). */
    public static int words(List<Token> tokens) {
        int words = 0;
        for (Token t : tokens) {
            if (t.kind() != Kind.CODE) {
                words++;
            }
        }
        return words;
    }

    private static String decode(String entity) {
        switch (entity) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                try {
                    if (entity.startsWith("#x") || entity.startsWith("#X")) {
                        return Character.toString(Integer.parseInt(entity.substring(2), 16));
                    }
                    if (entity.startsWith("#")) {
                        return Character.toString(Integer.parseInt(entity.substring(1)));
                    }
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return null;
        }
    }

    private static void words(CharSequence text, List<Token> tokens) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            if (Character.isDigit(cp)) {
                int start = i;
                i += Character.charCount(cp);
                while (i < n) {
                    int next = Character.codePointAt(text, i);
                    if (Character.isDigit(next)) {
                        i += Character.charCount(next);
                    } else if (".,:/-".indexOf(next) >= 0 && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && Character.isLetter(Character.codePointAt(text, i))) {
                    i = wordEnd(text, i); // "2nd", "10km": a word, not a number
                    String word = text.subSequence(start, i).toString();
                    tokens.add(new Token(Kind.WORD, word, fold(word)));
                } else {
                    tokens.add(new Token(Kind.NUMBER, text.subSequence(start, i).toString(), NUMBER));
                }
            } else if (Character.isIdeographic(cp)) {
                String word = Character.toString(cp);
                tokens.add(new Token(Kind.WORD, word, word));
                i += Character.charCount(cp);
            } else if (Character.isLetter(cp)) {
                int start = i;
                i = wordEnd(text, i);
                String word = text.subSequence(start, i).toString();
                tokens.add(new Token(Kind.WORD, word, fold(word)));
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    private static int wordEnd(CharSequence text, int i) {
        int n = text.length();
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            int type = Character.getType(cp);
            boolean inWord = (Character.isLetterOrDigit(cp) && !Character.isIdeographic(cp))
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (!inWord) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static String fold(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
