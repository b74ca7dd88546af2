package org.verso.translation;

import java.util.Objects;

/**
 * An inline code's original data as the source file holds it (a DOCX run's properties, an HTML tag), kept so that an
 * XLIFF 2.0 export can carry it in {@code <originalData>} for a CAT tool to show. Verso's markup keeps only the code's
 * id and role; the merge back into the file takes the codes from the file itself.
 *
 * @param id the code's id in the segment's markup
 * @param role which half of a pair it is, or a standalone code
 * @param data the original data, at most {@value #MAX_DATA} characters
 */
public record OriginalCode(int id, Role role, String data) {
    public static final int MAX_DATA = 4000;

    /** A paired code's opening or closing half, or a standalone code. */
    public enum Role {
        OPENING,
        CLOSING,
        STANDALONE
    }

    public OriginalCode {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(data, "data");
        if (data.length() > MAX_DATA) {
            data = data.substring(0, MAX_DATA);
        }
    }
}
