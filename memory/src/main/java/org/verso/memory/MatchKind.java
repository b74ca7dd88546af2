package org.verso.memory;

/** How a match relates to the segment looked up. */
public enum MatchKind {
    /** the same source between the same neighbouring segments: shown as 101 % */
    IN_CONTEXT,
    /** the same source markup: 100 % */
    EXACT,
    /** a similar source: below 100 % */
    FUZZY
}
