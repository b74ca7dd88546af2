package org.verso.glossary.internal;

import java.util.List;
import org.verso.library.LanguageTag;

/**
 * One term pair read from a file, or the reason it cannot be one.
 *
 * @param at where in the file (a line, an entry id)
 * @param problem why it is skipped, or null when it is a term
 */
public record Entry(
        String at,
        LanguageTag sourceLanguage,
        LanguageTag targetLanguage,
        String sourceTerm,
        String targetTerm,
        String partOfSpeech,
        String note,
        List<String> forbidden,
        String problem) {
    public Entry {
        forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
    }

    static Entry skipped(String at, String sourceTerm, String problem) {
        return new Entry(at, null, null, sourceTerm, null, null, null, List.of(), problem);
    }
}
