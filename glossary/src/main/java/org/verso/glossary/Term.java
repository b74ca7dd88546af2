package org.verso.glossary;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.verso.library.LanguageTag;

/** A glossary term of one language pair: the source term, its approved translation, and the variants not to use. */
public record Term(
        TermId id,
        LanguageTag sourceLanguage,
        LanguageTag targetLanguage,
        String sourceTerm,
        String targetTerm,
        String partOfSpeech,
        String note,
        List<String> forbidden,
        Instant updatedAt) {
    public Term {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        Objects.requireNonNull(sourceTerm, "sourceTerm");
        Objects.requireNonNull(targetTerm, "targetTerm");
        forbidden = List.copyOf(forbidden);
    }

    /** The term's content as a draft (to compare it with an imported one, or to change it). */
    public TermDraft draft() {
        return new TermDraft(sourceLanguage, targetLanguage, sourceTerm, targetTerm, partOfSpeech, note, forbidden);
    }
}
