package org.verso.translation;

import java.util.Locale;
import org.verso.library.InvalidInputException;

/** The XLIFF versions Verso writes and reads. */
public enum XliffVersion {
    V1_2("1.2"),
    V2_0("2.0");

    private final String label;

    XliffVersion(String label) {
        this.label = label;
    }

    /** {@code 1.2} or {@code 2.0}. */
    public String label() {
        return label;
    }

    /** {@code 1.2} or {@code 2.0} (also {@code 2}); null or blank is 1.2, the version every CAT tool reads. */
    public static XliffVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return V1_2;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1.2" -> V1_2;
            case "2.0", "2" -> V2_0;
            default -> throw new InvalidInputException("invalid-xliff-version", "XLIFF 1.2 or 2.0, not " + text + ".");
        };
    }
}
