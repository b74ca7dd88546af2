package org.verso.translation.internal;

import java.util.List;

/** The units of one source file of the document, written as one XLIFF {@code <file>} named {@code original}. */
public record XliffFile(String original, List<XliffUnit> units) {
    public XliffFile {
        units = List.copyOf(units);
    }
}
