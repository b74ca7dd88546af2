package org.verso.translation.internal;

import net.sf.okapi.common.LocaleId;

/** Okapi locales from BCP 47 tags; a missing or malformed tag is the empty locale (default rules). */
final class Locales {
    private Locales() {}

    static LocaleId of(String language) {
        if (language == null || language.isBlank()) {
            return LocaleId.EMPTY;
        }
        try {
            return LocaleId.fromBCP47(language.strip());
        } catch (RuntimeException e) {
            return LocaleId.EMPTY;
        }
    }
}
