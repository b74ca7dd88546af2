package org.verso.search;

import java.util.Objects;
import org.verso.library.InvalidInputException;

/**
 * One translation-memory unit (an approved source/target pair) as concordance search indexes it.
 *
 * @param id stable identity of the unit in the memory; indexing the same id again replaces it
 * @param sourceLanguage BCP 47 tag of the source side
 * @param sourceText the source segment as plain text
 * @param targetLanguage BCP 47 tag of the target side
 * @param targetText the target segment as plain text
 * @param origin where the unit came from (a document title, a TMX file name), for display; may be {@code null}
 */
public record SearchableMemoryUnit(
        String id, String sourceLanguage, String sourceText, String targetLanguage, String targetText, String origin) {
    public SearchableMemoryUnit {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("invalid-memory-unit", "a memory unit needs an id");
        }
        if (sourceLanguage == null || sourceLanguage.isBlank() || targetLanguage == null || targetLanguage.isBlank()) {
            throw new InvalidInputException("invalid-memory-unit", "a memory unit needs both languages: " + id);
        }
        Objects.requireNonNull(sourceText, "sourceText");
        Objects.requireNonNull(targetText, "targetText");
    }
}
