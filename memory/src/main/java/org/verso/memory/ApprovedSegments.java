package org.verso.memory;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;
import org.verso.translation.Revision;
import org.verso.translation.SegmentStatus;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;
import org.verso.translation.TranslationApproved;
import org.verso.translation.Translations;

/**
 * Approved segments enter the memory when their revision is approved: after the approval's commit, each segment of the
 * translation (all approved at that moment) becomes a unit with the revision as provenance and the neighbouring
 * segments of its file as context.
 */
class ApprovedSegments {
    private static final Logger log = LoggerFactory.getLogger(ApprovedSegments.class);

    private final Translations translations;
    private final TranslationMemory memory;

    ApprovedSegments(Translations translations, TranslationMemory memory) {
        this.translations = translations;
        this.memory = memory;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TranslationApproved event) {
        Revision revision = event.revision();
        try {
            Added added = memory.add(units(revision));
            log.info(
                    "Revision {} of translation {}: {} units added to the memory, {} updated",
                    revision.number(),
                    revision.translation(),
                    added.added().size(),
                    added.updated().size());
        } catch (RuntimeException e) {
            log.warn("Revision {} could not enter the memory: {}", revision.id(), e.toString(), e);
        }
    }

    /** The units of a revision: its translation's approved segments with their neighbours as context. */
    List<MemoryUnit> units(Revision revision) {
        Translation translation = translations.get(revision.translation());
        if (translation.sourceLanguage() == null) {
            log.warn("Translation {} has no source language: its segments stay out of the memory", translation.id());
            return List.of();
        }
        List<TargetSegment> segments = translations.allSegments(revision.translation());
        List<MemoryUnit> units = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            TargetSegment s = segments.get(i);
            if (s.status() != SegmentStatus.APPROVED
                    || s.target().isBlank()
                    || s.source().isBlank()) {
                continue;
            }
            units.add(new MemoryUnit(
                    UnitId.random(),
                    translation.sourceLanguage(),
                    translation.targetLanguage(),
                    s.source(),
                    s.target(),
                    Context.around(segments, i),
                    new Provenance(
                            Origin.APPROVED,
                            revision.document(),
                            revision.id(),
                            s.translatedBy(),
                            null,
                            revision.approvedAt(),
                            null)));
        }
        return units;
    }
}
