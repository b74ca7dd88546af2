package org.verso.memory;

import java.util.Objects;
import org.verso.library.LanguageTag;
import org.verso.memory.internal.Tokens;

/**
 * One unit of the translation memory: a source segment and its translation, in Verso's inline markup (XLIFF-like
 * {@code <g id>}, {@code <x id/>}, {@code <bx id/>}, {@code <ex id/>}; text escaped as in XML) as the translation module
 * stores segments.
 *
 * @param contextKey the key of the segments around the source where it was translated (in-context matches), or null
 */
public record MemoryUnit(
        UnitId id,
        LanguageTag sourceLanguage,
        LanguageTag targetLanguage,
        String source,
        String target,
        String contextKey,
        Provenance provenance) {
    public MemoryUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The source as plain text: codes left out, entities decoded. */
    public String sourceText() {
        return Tokens.plainText(source);
    }

    /** The target as plain text. */
    public String targetText() {
        return Tokens.plainText(target);
    }
}
