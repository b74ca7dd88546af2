package org.verso.translation;

import java.util.Objects;

/**
 * The target text a bilingual file (XLIFF, PO) holds for one extraction unit.
 *
 * @param unit the unit, as in {@link ExtractedSegment#unit()}
 * @param target the whole unit's target text in Verso's inline markup
 */
public record UnitTarget(String unit, String target) {
    public UnitTarget {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(target, "target");
    }
}
