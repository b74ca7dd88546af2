package org.verso.memory;

/** Where a unit came from. */
public enum Origin {
    /** a segment approved in a translation here */
    APPROVED,
    /** a unit of an imported TMX file */
    IMPORTED
}
