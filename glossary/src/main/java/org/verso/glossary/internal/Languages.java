package org.verso.glossary.internal;

import org.verso.library.InvalidInputException;
import org.verso.library.LanguageTag;

/** Language tags as files write them; one that is not a tag refuses the whole file. */
final class Languages {
    private Languages() {}

    static LanguageTag of(String text, String at) {
        try {
            return LanguageTag.of(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    "unknown-language", "\"" + text + "\" (" + at + ") is not a language tag such as en or pt-BR.");
        }
    }
}
