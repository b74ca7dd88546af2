package org.verso.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.verso.translation.OfflineUnitAids;
import org.verso.translation.SegmentId;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/**
 * The memory's part of each unit of an exported XLIFF: the best matches of its segment (at most three, down to the
 * configured minimum score), which a CAT tool offers beside the segment (1.2 {@code alt-trans}, 2.0
 * {@code mtc:match}). An in-context match (101 %) is written as 100 %, the highest quality XLIFF knows.
 */
@Order(10)
class MemoryUnitAids implements OfflineUnitAids {
    private final LeverageAnalysis analysis;
    private final MemoryProperties settings;

    MemoryUnitAids(LeverageAnalysis analysis, MemoryProperties settings) {
        this.analysis = analysis;
        this.settings = settings;
    }

    @Override
    public Map<SegmentId, List<Aid>> aids(Translation translation, List<TargetSegment> segments) {
        Map<SegmentId, List<Aid>> aids = new LinkedHashMap<>();
        analysis.bestMatches(translation, segments, settings.minScore(), OfflineMatches.PER_SEGMENT)
                .forEach((segment, matches) -> aids.put(
                        segment, matches.stream().<Aid>map(MemoryUnitAids::aid).toList()));
        return aids;
    }

    static MemoryMatch aid(Match match) {
        MemoryUnit unit = match.unit();
        return new MemoryMatch(unit.source(), unit.target(), Math.min(100, match.score()), origin(unit.provenance()));
    }

    /** Where the unit comes from, as a CAT tool shows a match's origin. */
    static String origin(Provenance p) {
        return switch (p.origin()) {
            case APPROVED ->
                "Verso memory: approved translation" + (p.translatorName() == null ? "" : " by " + p.translatorName());
            case IMPORTED -> "Verso memory: " + (p.note() == null ? "imported TMX" : p.note());
        };
    }
}
