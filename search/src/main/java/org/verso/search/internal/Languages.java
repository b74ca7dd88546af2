package org.verso.search.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verso.library.LanguageTag;

/**
 * Which languages have their own analysis, how a BCP 47 tag maps onto one, and which languages a query could be in.
 * Every other language (and unknown text) is analysed by the language-neutral analysis only.
 */
public final class Languages {
    /** Languages with a stemmer of their own, each indexed in its own field. */
    public static final List<String> ANALYZED = List.of("en", "ru", "uk", "fr", "de", "es", "nl");

    /** Stored when a text's language is not known. */
    public static final String UNKNOWN = "und";

    private static final List<String> LATIN = List.of("en", "fr", "de", "es", "nl");
    private static final List<String> CYRILLIC = List.of("ru", "uk");

    private Languages() {}

    /** The primary subtag in lower case ({@code en-GB} → {@code en}), or {@link #UNKNOWN} for null/blank/garbage. */
    public static String normalize(String tag) {
        if (tag == null || tag.isBlank()) {
            return UNKNOWN;
        }
        try {
            return LanguageTag.of(tag).language();
        } catch (LanguageTag.InvalidLanguageTag e) {
            return UNKNOWN;
        }
    }

    /** Whether the language has its own analysed field. */
    public static boolean analyzed(String language) {
        return ANALYZED.contains(language);
    }

    /**
     * The analysed languages a query text could be written in, judged by the scripts of its letters: Latin letters
     * suggest the Latin-script languages, Cyrillic ones Russian and Ukrainian. Text in any other script (CJK, Greek,
     * Arabic…) is matched through the language-neutral fields only, which every query also uses.
     */
    public static Set<String> candidates(String query) {
        Set<String> result = new LinkedHashSet<>();
        if (query == null) {
            return result;
        }
        query.codePoints().filter(Character::isLetter).forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                result.addAll(LATIN);
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                result.addAll(CYRILLIC);
            }
        });
        return result;
    }
}
