package org.verso.translation.internal;

import java.util.List;
import java.util.Objects;
import org.verso.translation.OfflineUnitAids.GlossaryEntry;
import org.verso.translation.OfflineUnitAids.MemoryMatch;
import org.verso.translation.OriginalCode;

/**
 * One unit to write into an XLIFF file, already mapped from Verso's segment.
 *
 * @param id the unit id (ties it to its segment and the version exported)
 * @param name the segment's position in its file, shown by some tools
 * @param source the source in Verso's inline markup
 * @param target the target in the same markup; the source again where the segment has no target yet
 * @param state12 the XLIFF 1.2 {@code state} of the target
 * @param approved whether the 1.2 unit carries {@code approved="yes"}
 * @param state20 the XLIFF 2.0 segment {@code state}
 * @param subState20 the XLIFF 2.0 {@code subState} ({@code verso:…}), or null
 * @param notes notes on the unit: who wrote them ({@code from}/{@code category}) and their text
 * @param matches memory matches for the translator, best first (1.2 {@code alt-trans}, 2.0 {@code mtc:match})
 * @param terms glossary entries for terms of the source (2.0 {@code gls:glossEntry}, 1.2 a note)
 * @param codes the original data of the source's codes (2.0 {@code originalData}; 1.2 has no place for it)
 */
public record XliffUnit(
        String id,
        String name,
        String source,
        String target,
        String state12,
        boolean approved,
        String state20,
        String subState20,
        List<Note> notes,
        List<MemoryMatch> matches,
        List<GlossaryEntry> terms,
        List<OriginalCode> codes) {
    public XliffUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        notes = List.copyOf(notes);
        matches = List.copyOf(matches);
        terms = List.copyOf(terms);
        codes = List.copyOf(codes);
    }

    /** A unit whose codes carry no original data. */
    public XliffUnit(
            String id,
            String name,
            String source,
            String target,
            String state12,
            boolean approved,
            String state20,
            String subState20,
            List<Note> notes,
            List<MemoryMatch> matches,
            List<GlossaryEntry> terms) {
        this(id, name, source, target, state12, approved, state20, subState20, notes, matches, terms, List.of());
    }

    /** A unit without matches and glossary entries. */
    public XliffUnit(
            String id,
            String name,
            String source,
            String target,
            String state12,
            boolean approved,
            String state20,
            String subState20,
            List<Note> notes) {
        this(id, name, source, target, state12, approved, state20, subState20, notes, List.of(), List.of(), List.of());
    }

    /** A note from the coordinator or a reviewer. */
    public record Note(String from, String text) {}
}
