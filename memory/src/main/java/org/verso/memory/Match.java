package org.verso.memory;

import java.util.Objects;

/**
 * A unit of the memory found for a segment.
 *
 * @param score the fuzzy score in % (see docs/memory.md); 101 for an in-context match
 * @param numbersDiffer the sources differ in a number (the score counts it as one point)
 * @param codesDiffer the sources differ in an inline code (one point)
 */
public record Match(MemoryUnit unit, int score, MatchKind kind, boolean numbersDiffer, boolean codesDiffer) {
    public Match {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
    }
}
