package org.verso.memory;

import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.verso.translation.TranslationId;

/**
 * The part of the memory one translation needs offline: the best matches (down to the configured minimum score) of each
 * of its segments, each unit once, as TMX 1.4b — for the offline translation package to carry.
 */
public class OfflineMatches {
    static final int PER_SEGMENT = 3;

    private final LeverageAnalysis analysis;
    private final TmxFiles tmx;
    private final MemoryProperties settings;

    OfflineMatches(LeverageAnalysis analysis, TmxFiles tmx, MemoryProperties settings) {
        this.analysis = analysis;
        this.tmx = tmx;
        this.settings = settings;
    }

    /**
     * Writes the TMX; the stream stays open.
     *
     * @return how many units were written
     * @throws org.verso.library.NotFoundException when there is no such translation
     */
    public int writeTmx(TranslationId translation, OutputStream out) {
        return writeTmx(analysis.bestMatches(translation, settings.minScore(), PER_SEGMENT), out);
    }

    /** Writes the units of {@code matches} as TMX, each once, in their order; the stream stays open. */
    int writeTmx(Collection<Match> matches, OutputStream out) {
        Map<UnitId, MemoryUnit> units = new LinkedHashMap<>();
        for (Match match : matches) {
            units.putIfAbsent(match.unit().id(), match.unit());
        }
        tmx.write(units.values().stream().toList(), out);
        return units.size();
    }
}
