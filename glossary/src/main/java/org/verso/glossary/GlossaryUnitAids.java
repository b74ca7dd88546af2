package org.verso.glossary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.verso.translation.OfflineUnitAids;
import org.verso.translation.SegmentId;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/**
 * The glossary's part of each unit of an exported XLIFF: the terms of the translation's language pair found in the
 * segment's source (as the quality checks find them, inflected forms included), each with its approved translations
 * and its note as definition (2.0 {@code gls:glossEntry}, 1.2 a note).
 */
@Component
@Order(20)
class GlossaryUnitAids implements OfflineUnitAids {
    private final Glossary glossary;

    GlossaryUnitAids(Glossary glossary) {
        this.glossary = glossary;
    }

    @Override
    public Map<SegmentId, List<Aid>> aids(Translation translation, List<TargetSegment> segments) {
        Map<SegmentId, List<Aid>> aids = new LinkedHashMap<>();
        if (translation.sourceLanguage() == null) {
            return aids;
        }
        for (TargetSegment s : segments) {
            Map<String, List<Term>> bySource = new LinkedHashMap<>();
            for (FoundTerm found :
                    glossary.find(s.sourceText(), translation.sourceLanguage(), translation.targetLanguage())) {
                for (Term term : found.terms()) {
                    bySource.computeIfAbsent(term.sourceTerm(), k -> new ArrayList<>())
                            .add(term);
                }
            }
            if (!bySource.isEmpty()) {
                aids.put(
                        s.id(),
                        bySource.values().stream()
                                .<Aid>map(GlossaryUnitAids::entry)
                                .toList());
            }
        }
        return aids;
    }

    /** One entry per source term: the translations of all its entries, their notes as the definition. */
    static GlossaryEntry entry(List<Term> terms) {
        Set<String> translations = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Term term : terms) {
            translations.add(term.targetTerm());
            if (term.note() != null && !term.note().isBlank()) {
                notes.add(term.note().strip());
            }
        }
        return new GlossaryEntry(
                terms.get(0).sourceTerm(),
                List.copyOf(translations),
                notes.isEmpty() ? null : String.join("; ", notes));
    }
}
