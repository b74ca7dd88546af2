package org.verso.translation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds to the units of an exported XLIFF what a CAT tool shows beside a segment: memory matches (XLIFF 1.2
 * {@code <alt-trans>}, 2.0 {@code <mtc:matches>}) and glossary entries (2.0 {@code <gls:glossary>}, 1.2 a note).
 * Other modules implement it as a Spring bean, such as the translation memory and the glossary; every bean is asked,
 * in {@code @Order}; none is needed. An import never reads them back.
 */
public interface OfflineUnitAids {
    /**
     * What this part adds to the units of {@code segments}, by segment; segments it has nothing for are left out.
     * Called outside any transaction; must not change anything.
     */
    Map<SegmentId, List<Aid>> aids(Translation translation, List<TargetSegment> segments);

    /**
     * For the offline package: what this part adds to the units and the files it makes from the same answer (the
     * memory's matches as {@code matches.tmx}), so that the package's XLIFF and its files carry the same aids from
     * one lookup. By default {@link #aids} and no file. Called outside any transaction; must not change anything.
     */
    default Found found(Translation translation, List<TargetSegment> segments) {
        return new Found(aids(translation, segments), List.of());
    }

    /** One lookup's answer: the aids by segment, and the package files made from them (the first of a name wins). */
    record Found(Map<SegmentId, List<Aid>> aids, List<OfflinePackagePart.PackageFile> files) {
        public Found {
            aids = Map.copyOf(aids);
            files = List.copyOf(files);
        }
    }

    /** Something a unit carries for the translator. */
    sealed interface Aid permits MemoryMatch, GlossaryEntry {}

    /**
     * A match from a translation memory.
     *
     * @param source the memory's source in Verso's inline markup
     * @param target its translation, in the same markup
     * @param quality how well it matches the segment's source, in % (0–100)
     * @param origin where it comes from, in words (for the tool to show), or null
     */
    record MemoryMatch(String source, String target, int quality, String origin) implements Aid {
        public MemoryMatch {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            if (quality < 0 || quality > 100) {
                throw new IllegalArgumentException("a match quality lies within 0…100: " + quality);
            }
        }
    }

    /**
     * A term of a glossary that occurs in the segment's source (plain text throughout).
     *
     * @param term the source term as the glossary writes it
     * @param translations its approved translations, at least one
     * @param definition a definition or note, or null
     */
    record GlossaryEntry(String term, List<String> translations, String definition) implements Aid {
        public GlossaryEntry {
            Objects.requireNonNull(term, "term");
            translations = List.copyOf(translations);
            if (translations.isEmpty()) {
                throw new IllegalArgumentException("a glossary entry has a translation");
            }
        }
    }
}
