package org.verso.ingest.internal.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.verso.library.LanguageTag;

/** Turns the detector's ISO 639-3 codes ({@code rus}, {@code zho-simp}) into BCP 47 tags ({@code ru}, {@code zh-Hans}). */
final class Languages {
    private static final Map<String, String> TWO_LETTER = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                TWO_LETTER.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter form
            }
        }
        TWO_LETTER.put("zho", "zh");
    }

    private Languages() {}

    static String toBcp47(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String[] parts = code.toLowerCase(Locale.ROOT).split("-");
        String base = TWO_LETTER.getOrDefault(parts[0], parts[0]);
        if (!base.matches("[a-z]{2,3}")) {
            return null;
        }
        String tag = base;
        if (parts.length > 1) {
            switch (parts[1]) {
                case "simp" -> tag = base + "-Hans";
                case "trad" -> tag = base + "-Hant";
                case "rom" -> tag = base + "-Latn";
                default -> tag = base;
            }
        }
        return LanguageTag.of(tag).value();
    }
}
