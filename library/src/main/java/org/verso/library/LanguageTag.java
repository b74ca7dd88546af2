package org.verso.library;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;

/**
 * A language as Verso stores and compares it: one canonical BCP 47 tag ({@code en}, {@code ru}, {@code zh-Hans},
 * {@code pt-BR}, {@code sr-Latn}) built from any common spelling. Underscores become dashes, the case of every subtag is
 * fixed (language lower, script title, region upper), and the withdrawn ISO 639 codes become their current ones
 * ({@code iw} → {@code he}, {@code in} → {@code id}, {@code ji} → {@code yi}). Two spellings of one language are equal.
 *
 * @param value the canonical tag
 */
public record LanguageTag(String value) implements Comparable<LanguageTag> {
    /** The longest tag accepted; the columns that hold tags are this wide. */
    public static final int MAX_LENGTH = 35;

    private static final Map<String, String> WITHDRAWN = Map.of("iw", "he", "in", "id", "ji", "yi", "jw", "jv");

    /** Canonicalises {@code value}; throws {@link InvalidLanguageTag} when it is not a language tag. */
    public LanguageTag {
        value = canonical(value);
    }

    /** The language of {@code text} in canonical form; throws {@link InvalidLanguageTag} for anything else. */
    public static LanguageTag of(String text) {
        return new LanguageTag(text);
    }

    /** As {@link #of}, but blank or {@code null} text is {@code null}. */
    public static LanguageTag ofNullable(String text) {
        return text == null || text.isBlank() ? null : of(text);
    }

    /** The canonical text of a tag, {@code null} for blank or {@code null} text: for fields stored as text. */
    public static String canonicalOrNull(String text) {
        LanguageTag tag = ofNullable(text);
        return tag == null ? null : tag.value();
    }

    /** The primary language subtag: {@code zh} for {@code zh-Hans}, {@code pt} for {@code pt-BR}. */
    public String language() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    @Override
    public int compareTo(LanguageTag other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String canonical(String text) {
        if (text == null) {
            throw new InvalidLanguageTag(null);
        }
        String tag = text.strip().replace('_', '-');
        if (tag.isEmpty() || tag.length() > MAX_LENGTH || !tag.chars().allMatch(c -> c == '-' || isAsciiAlnum(c))) {
            throw new InvalidLanguageTag(text);
        }
        int dash = tag.indexOf('-');
        String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        if (primary.length() < 2 || primary.length() > 3 || !primary.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new InvalidLanguageTag(text);
        }
        primary = WITHDRAWN.getOrDefault(primary, primary);
        String rest = dash < 0 ? "" : tag.substring(dash);
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(primary + rest).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidLanguageTag(text);
        }
        String result = locale.toLanguageTag();
        if (result.startsWith("und") && !primary.equals("und") || result.length() > MAX_LENGTH) {
            throw new InvalidLanguageTag(text);
        }
        return result;
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The text is not a BCP 47 language tag; the message names it. */
    public static final class InvalidLanguageTag extends InvalidInputException {
        InvalidLanguageTag(String text) {
            super("invalid-language", "not a language tag such as en, ru or zh-Hans: " + text);
        }
    }
}
