package org.verso.translation.internal;

import java.util.List;

/**
 * An XLIFF file as read for import: its version, its {@code <file>} elements and its units in order.
 *
 * @param version2 XLIFF 2.0 (else 1.2)
 * @param sourceLanguage the source language declared (2.0 {@code srcLang}, else the first file's), or null
 * @param targetLanguage the target language declared, or null
 */
public record XliffRead(
        boolean version2, String sourceLanguage, String targetLanguage, List<File> files, List<Unit> units) {
    public XliffRead {
        files = List.copyOf(files);
        units = List.copyOf(units);
    }

    /** A {@code <file>} element and Verso's attributes on it (null when absent). */
    public record File(int line, String original, String translation, String document, String targetLanguage) {}

    /**
     * A unit: its source and target converted to Verso's inline markup.
     *
     * @param target null when the unit has no target (or an empty one)
     * @param state the target's (1.2) or first segment's (2.0) {@code state}, or null
     * @param approved 1.2's {@code approved="yes"}
     * @param problem why the unit's inline content cannot be Verso's (an unknown element, a code id that is not a
     *     number), or null
     */
    public record Unit(
            String id, int line, String source, String target, String state, boolean approved, String problem) {}
}
