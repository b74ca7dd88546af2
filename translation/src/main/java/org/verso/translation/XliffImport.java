package org.verso.translation;

import java.util.List;
import java.util.Objects;

/**
 * What an import of an XLIFF file did, unit by unit. Only {@link Outcome#UPDATED} units were written (all in one
 * transaction); the others changed nothing.
 *
 * @param version the XLIFF version of the file, {@code 1.2} or {@code 2.0}
 */
public record XliffImport(TranslationId translation, String version, List<UnitOutcome> units) {
    public XliffImport {
        Objects.requireNonNull(translation, "translation");
        units = List.copyOf(units);
    }

    /** What happened to one unit. */
    public enum Outcome {
        /** the target was saved (a new version of the segment) */
        UPDATED,
        /** nothing to write: the same target, or no target */
        UNCHANGED,
        /** the segment changed in Verso since the export: kept as it is, for the translator to resolve in the editor */
        CONFLICT,
        /** the unit cannot be taken: broken codes, an edited source, an unknown id; nothing of it was written */
        REJECTED
    }

    /**
     * @param unit the unit's id in the file
     * @param segment the segment it belongs to, or null when the id names none
     * @param line the unit's line in the file
     * @param reason a stable code of why ({@code codes}, {@code source-changed}, {@code unknown-unit},
     *     {@code changed-since-export}, {@code no-target}, {@code same-target}, …), null when updated
     * @param detail the reason in words, or null
     */
    public record UnitOutcome(
            String unit,
            SegmentId segment,
            int line,
            Outcome outcome,
            SegmentStatus status,
            String reason,
            String detail) {}

    public long count(Outcome outcome) {
        return units.stream().filter(u -> u.outcome() == outcome).count();
    }
}
