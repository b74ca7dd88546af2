package org.verso.memory;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.verso.translation.OfflinePackagePart.PackageFile;
import org.verso.translation.OfflineUnitAids;
import org.verso.translation.SegmentId;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/**
 * The memory's part of each unit of an exported XLIFF: the best matches of its segment (at most three, down to the
 * configured minimum score), which a CAT tool offers beside the segment (1.2 {@code alt-trans}, 2.0
 * {@code mtc:match}). An in-context match (101 %) is written as 100 %, the highest quality XLIFF knows.
 *
 * <p>For the offline package the same answer also makes {@code matches.tmx} (each matched unit once), which a CAT
 * tool such as OmegaT offers from its project's {@code tm/} folder: the memory is asked once, and the package's TMX
 * and XLIFF carry the same matches. No file when no segment has a match.
 */
@Order(10)
class MemoryUnitAids implements OfflineUnitAids {
    static final String FILE = "matches.tmx";

    private final LeverageAnalysis analysis;
    private final MemoryProperties settings;
    private final OfflineMatches tmx;

    MemoryUnitAids(LeverageAnalysis analysis, MemoryProperties settings, OfflineMatches tmx) {
        this.analysis = analysis;
        this.settings = settings;
        this.tmx = tmx;
    }

    @Override
    public Map<SegmentId, List<Aid>> aids(Translation translation, List<TargetSegment> segments) {
        return aids(matches(translation, segments));
    }

    @Override
    public Found found(Translation translation, List<TargetSegment> segments) {
        Map<SegmentId, List<Match>> matches = matches(translation, segments);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int units = tmx.writeTmx(matches.values().stream().flatMap(List::stream).toList(), file);
        return new Found(aids(matches), units == 0 ? List.of() : List.of(new PackageFile(FILE, file.toByteArray())));
    }

    private Map<SegmentId, List<Match>> matches(Translation translation, List<TargetSegment> segments) {
        return analysis.bestMatches(translation, segments, settings.minScore(), OfflineMatches.PER_SEGMENT);
    }

    private static Map<SegmentId, List<Aid>> aids(Map<SegmentId, List<Match>> matches) {
        Map<SegmentId, List<Aid>> aids = new LinkedHashMap<>();
        matches.forEach((segment, found) ->
                aids.put(segment, found.stream().<Aid>map(MemoryUnitAids::aid).toList()));
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
